"""The site's addresses: a placeholder builds a preview, which every page says it is, and a publishing build refuses it."""
from __future__ import annotations

import re

import pytest

from scripts.build.build import main
from scripts.site.settings import placeholders, reserved


@pytest.mark.parametrize("domain,expected", [("foi-data.example", True), ("example.org", True), ("mail.example.com", True),
                                             ("x.test", True), ("localhost", True), ("", True), ("foi-data.org.uk", False),
                                             ("examples.com", False), ("example.co.uk", False)])
def test_reserved_domains(domain, expected):
    assert reserved(domain) is expected


def test_the_seeds_settings_are_placeholders(project):
    assert [name for name, _ in placeholders(project)] == ["site_url", "extra.report_mistakes.email"]


def test_a_publishing_build_refuses_a_placeholder(project, capsys):
    assert main(["--root", str(project), "--publish", "--no-site"]) == 1
    err = capsys.readouterr().err
    assert "site_url" in err and "extra.report_mistakes.email" in err and "[placeholder]" in err
    assert not (project / "build").exists()  # refused before it started


def test_real_addresses_pass(project):
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("https://foi-data.example/", "https://foi.example-charity.org.uk/data/").replace(
        "corrections@foi-data.example", "corrections@example-charity.org.uk")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert placeholders(project) == []


def test_every_page_of_a_preview_says_so_and_the_404_page_leads_back(site_root):
    site = site_root / "build" / "site"
    pages = sorted(site.rglob("*.html"))
    assert pages and all('class="foi-preview"' in p.read_text(encoding="utf-8") for p in pages if "pagefind" not in p.parts)
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in missing and 'action="/search/"' in missing
    assert {"/requests/", "/forces/", "/data/"} <= set(re.findall(r'href="(/[a-z]*/?)"', missing))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:+448088005000"' in home and 'href="https://report.iwf.org.uk/"' in home
