"""The site's two addresses (site_url, the corrections address) from mkdocs.yml, and whether either is still a placeholder.

A placeholder is a name under a domain reserved for examples (RFC 2606 and RFC 6761: example.com/.net/.org, the .example,
.test, .invalid and .localhost top-level domains). `make build` builds with one and every page says it is a preview
(docs/theme/main.html tests the same domains); the publishing build (`make publish`) refuses it.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

RESERVED_TLDS = ("example", "test", "invalid", "localhost")
RESERVED_DOMAINS = ("example.com", "example.net", "example.org")


def reserved(domain: str) -> bool:
    """Whether a domain name is one reserved for examples and tests (so mail to it bounces, and no site stands there)."""
    domain = domain.strip().rstrip(".").lower()
    return (not domain or domain.rsplit(".", 1)[-1] in RESERVED_TLDS
            or any(domain == d or domain.endswith("." + d) for d in RESERVED_DOMAINS))


def config(root: Path) -> dict:
    import yaml
    return yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}


def site_url(root: Path) -> str:
    """The site's public address, ending in '/' ('' when not set)."""
    url = str(config(root).get("site_url") or "").strip()
    return url if not url or url.endswith("/") else url + "/"


def placeholders(root: Path) -> list[tuple[str, str]]:
    """Each setting of mkdocs.yml that still holds a placeholder, as (setting, value)."""
    cfg = config(root)
    out = []
    url = str(cfg.get("site_url") or "").strip()
    if not url or reserved(urlparse(url).hostname or ""):
        out.append(("site_url", url or "(not set)"))
    email = str(((cfg.get("extra") or {}).get("report_mistakes") or {}).get("email") or "").strip()
    if not email or reserved(email.rpartition("@")[2]):
        out.append(("extra.report_mistakes.email", email or "(not set)"))
    return out
