"""When MkDocs may re-render only the changed pages, and what it must be told: the one rule, `site_plan`, and its inputs.

MkDocs' output depends on each page's source, on mkdocs.yml, the theme overrides (docs/theme), the code that runs
inside MkDocs (scripts/site/, the templates under it, the installed MkDocs, theme and Markdown versions) and the
navigation (which nav pages exist, and which pages are outside `not_in_nav`). When any of those changed, or the last
site cannot be trusted, the site is built clean; when only page sources (request, browse or hand-written pages, static
files of docs/) were added, edited or deleted, MkDocs re-renders those (scripts/site/mkdocs_dirty.py) and every other
output is hard-linked from the published site. The sources are compared by content (sha256), never by mtime.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..common.cache import content_hash, seal, unseal, write_atomic

SITE = Path(__file__).resolve().parent
ENGINE = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pathspec")  # what renders inside MkDocs
RECORD = "site.inputs"  # in a version's .cache/


@dataclass(frozen=True)
class SiteInputs:
    """What one MkDocs build of the site was made from: the global parts (each a hash), the navigation, each source's sha256."""

    parts: dict[str, str]  # "mkdocs.yml", "theme", "templates", "site code", "engine" -> hash
    navigation: str
    sources: dict[str, str] = field(default_factory=dict)  # path under docs/generated -> sha256 of its bytes


@dataclass(frozen=True)
class Plan:
    """Clean, or incremental with the sources MkDocs must render again (`changed`) and those gone (`deleted`)."""

    clean: bool
    reason: str
    changed: frozenset[str] = frozenset()
    deleted: frozenset[str] = frozenset()


def site_plan(old: SiteInputs | None, new: SiteInputs, trusted: bool = True) -> Plan:
    """THE rule: clean when there is no trusted last site, or anything but page sources changed; else incremental.

    `trusted`: the published site is exactly as its build left it (scripts/site/site.py site_intact) and the cache is on."""
    if old is None:
        return Plan(True, "no record of the last site")
    if not trusted:
        return Plan(True, "the published site is not as its build left it, or the cache is off")
    for part in ("mkdocs.yml", "theme", "templates", "site code", "engine"):
        if old.parts.get(part) != new.parts.get(part):
            return Plan(True, f"{part} changed")
    if set(old.parts) != set(new.parts):
        return Plan(True, "site code changed")
    if old.navigation != new.navigation:
        return Plan(True, "navigation changed")
    changed = frozenset(rel for rel, digest in new.sources.items() if old.sources.get(rel) != digest)
    deleted = frozenset(old.sources.keys() - new.sources.keys())
    return Plan(False, f"{len(changed)} source(s) changed, {len(deleted)} deleted", changed, deleted)


def global_parts(root: Path) -> dict[str, str]:
    """The hashes of everything but the page sources that MkDocs' output depends on."""
    def h(*parts) -> str:
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()
    engine = [sys.version]
    for name in ENGINE:
        try:
            engine.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            engine.append(f"{name} -")
    theme = root / "docs" / "theme"
    return {"mkdocs.yml": h((root / "mkdocs.yml").read_text(encoding="utf-8")),
            "theme": content_hash(theme) if theme.exists() else "-",
            "templates": content_hash(SITE / "templates"),
            "site code": h(*(f"{p.name} {content_hash(p)}" for p in sorted(SITE.glob("*.py")))),
            "engine": h(*engine)}


def navigation(root: Path, sources: dict[str, str]) -> str:
    """The hash of the navigation: each nav entry of mkdocs.yml with whether its page exists; without a `nav:`, every page
    not under `not_in_nav` (MkDocs then makes the nav of those). With a `nav:`, a page outside it changes no other page:
    MkDocs gives it a Page of its own outside the navigation (mkdocs.structure.nav.get_navigation) and only logs its name,
    so a new comparison family's page, say, is a page added, not navigation."""
    import pathspec
    import yaml
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    targets: list[str] = []

    def walk(items) -> None:
        for item in items or []:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str):
                targets.append(value)
    walk(config.get("nav"))
    outside = pathspec.gitignore.GitIgnoreSpec.from_lines(str(config.get("not_in_nav") or "").splitlines())
    pages = [] if config.get("nav") is not None else sorted(rel for rel in sources if rel.endswith(".md") and not outside.match_file(rel))
    entries = [f"{t} {t in sources}" for t in targets]
    return hashlib.sha256("\0".join(entries + ["--"] + pages).encode()).hexdigest()


def source_hashes(generated: Path, kept: dict[str, tuple] | None = None) -> tuple[dict[str, str], dict[str, tuple]]:
    """sha256 of every file under docs/generated (MkDocs' sources), and their (inode, size, mtime) states with them.

    A file with the inode, size and mtime recorded last time is not read again (the request pages and charts are hard
    links to the page store's files, which are never written in place): as the packages' cache trusts its files."""
    kept = kept or {}
    digests: dict[str, str] = {}
    states: dict[str, tuple] = {}
    top = os.fspath(generated)
    for folder, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, top).replace(os.sep, "/")
            st = os.stat(path)
            state = (st.st_ino, st.st_size, st.st_mtime_ns)
            was = kept.get(rel)
            if was is not None and was[:3] == state:
                digest = was[3]
            else:
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
            digests[rel] = digest
            states[rel] = (*state, digest)
    return digests, states


def save(version: Path, inputs: SiteInputs, states: dict[str, tuple]) -> None:
    """Keep what this site was made from in the version's .cache/, sealed, for the next build's plan."""
    write_atomic(version / ".cache" / RECORD, seal(pickle.dumps((inputs, states), protocol=pickle.HIGHEST_PROTOCOL)))


def load(version: Path | None) -> tuple[SiteInputs | None, dict[str, tuple]]:
    """What the published site was made from (None when missing or damaged: the site is then built clean)."""
    found = unseal(version / ".cache" / RECORD) if version is not None else None
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], SiteInputs):
        return found
    return None, {}


def link_unchanged(outputs: dict[str, bool], old_site: Path, site: Path) -> int:
    """Hard-link into `site` every output MkDocs did not write this time (its source unchanged) from the published site;
    the number linked. Raises OSError when one is missing there (the caller then builds clean)."""
    linked = 0
    made: set[str] = set()
    for dest, written in outputs.items():
        target = os.path.join(site, dest)
        if written or os.path.lexists(target):
            continue
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        os.link(os.path.join(old_site, dest), target, follow_symlinks=False)
        linked += 1
    return linked
