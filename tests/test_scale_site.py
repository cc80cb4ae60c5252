"""The site serves the packages without a second copy of them: site/data/* are relative links into datapackages/."""
from __future__ import annotations

import os
import urllib.request
from pathlib import Path

from .browser import serve


def test_downloads_are_links_not_copies(site_root):
    version = (site_root / "build" / "current").resolve()
    data = version / "site" / "data"
    assert (data / "index.html").is_file() and not (data / "index.html").is_symlink()  # the data page itself
    entries = sorted(p.name for p in (version / "datapackages").iterdir())
    assert sorted(p.name for p in data.iterdir() if p.name != "index.html") == entries
    for name in entries:
        link = data / name
        assert link.is_symlink() and not os.path.isabs(os.readlink(link))
        assert link.resolve() == (version / "datapackages" / name).resolve()
    copies = [p for p in (version / "site").rglob("*") if p.suffix in (".zip", ".csv") and not any(q.is_symlink() for q in [p, *p.parents])]
    assert copies == []


def test_http_server_follows_the_links(site_root):
    """`make serve` runs Python's http.server on build/site: downloads, package files and the data page all answer."""
    packages = site_root / "build" / "datapackages"
    with serve(site_root / "build" / "site") as base:
        for rel in ("catalog.json", "all.zip", "bedfordshire-foi2019-05348/datapackage.json", "reference/forces.csv"):
            with urllib.request.urlopen(f"{base}data/{rel}") as response:
                assert response.status == 200 and response.read() == (packages / rel).read_bytes()
        with urllib.request.urlopen(f"{base}data/") as response:
            assert b"<html" in response.read()[:2000].lower()


def test_links_survive_a_copy_that_follows_them(site_root, tmp_path):
    """Deploying with links followed (cp -rL, rsync -L) gives a self-contained site."""
    import shutil
    shutil.copytree(site_root / "build" / "site", tmp_path / "site", symlinks=False)
    copied = tmp_path / "site" / "data" / "catalog.json"
    assert not copied.is_symlink() and copied.read_bytes() == (site_root / "build" / "datapackages" / "catalog.json").read_bytes()
    assert Path(tmp_path / "site" / "data" / "bedfordshire-foi2019-05348.zip").stat().st_size > 1000
