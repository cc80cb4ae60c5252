"""Request pages and charts on both cores, each reused when its inputs are unchanged since the published build.

A request page is a function of its own package, the reference package, the references of other requests that its
text mentions (they become links: each found within the page's link sources, render.link_sources, with the request
it links to), mkdocs.yml's `extra:` and the code (scripts/, its templates and glossary); so adding or deleting a
request renders again only the pages that mention its reference, not every page. A chart
of its bars, its measure and the code; a request's summary (what the browse pages read
of it, scripts/site/summary.py) of its package and the code. Each is kept under the hash of those inputs in the version's
.cache/ (pages/, charts/; the summaries all in one sealed summaries.pickle), beside the packages' own cache, and
published with it; a page's or chart's file name carries the sha256 of its content, checked whenever it is read, so a
damaged entry is drawn or rendered again. Each store records the inode, size and mtime of its files (beside it, sealed),
and a request page or chart whose file still has them is reused unread, as the packages' cache trusts its files: like
there, only a change made in place that puts the mtime back (no ordinary write does) would go unseen.
What is missing is made in worker processes: summaries first, forked before anything big is read; then pages and
charts, forked once the summaries are read (a worker reads the whole descriptor of the page it renders).
"""
from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import pickle
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import charts, pagekit, render, summary
from ..common.cache import code_key, seal, stat_of, unseal, write_atomic

_SHARED: dict = {}  # what forked workers read: the Packages of this build
SUMMARIES = "summaries.pickle"
LINKS = "links.pickle"  # every request's link sources (render.link_sources), joined by NUL, under its summary's key


class Store:
    """Bytes kept under a key in the version being built (`new`), carried over from the published one (`old`)."""

    def __init__(self, old: Path | None, new: Path, suffix: str):
        self.old, self.new, self.suffix = old, new, suffix
        self.made: dict[str, Path] = {}  # key -> its file in the new store (the bytes stay on disk, not in memory)
        self._old_index: dict[str, Path] | None = None
        self._old_stats: dict | None = None  # see _recorded

    def _olds(self) -> dict[str, Path]:
        if self._old_index is None:
            self._old_index = {}
            if self.old is not None and self.old.is_dir():
                for path in self.old.iterdir():
                    key, _, rest = path.name.partition(".")
                    self._old_index[key] = path
        return self._old_index

    def get(self, key: str) -> bytes | None:
        """The content stored under `key`, if it is there and whole (its name carries its hash)."""
        if key in self.made:
            return self.made[key].read_bytes()
        path = self._olds().get(key)
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if path.name != self._name(key, data):
            return None
        self._keep(key, path.name, path, data)
        return data

    def has(self, key: str) -> bool:
        """Whether content is kept under `key`: trusted unread when its file has the inode, size and mtime recorded, else checked."""
        if key in self.made:
            return True
        path = self._olds().get(key)
        if path is None:
            return False
        try:
            trusted = self._recorded().get(path.name) == stat_of(path)
        except OSError:
            return False
        if not trusted:
            return self.get(key) is not None
        self._keep(key, path.name, path, None)
        return True

    def close(self) -> None:
        """Record the inode, size and mtime of every file kept in the new store, for the next build's `has`."""
        if self.made:
            stats = {path.name: stat_of(path) for path in self.made.values()}
            tmp = self.stats_path(self.new).with_name(f".{self.new.name}.stat.tmp")
            tmp.write_bytes(seal(pickle.dumps(stats, protocol=pickle.HIGHEST_PROTOCOL)))
            os.replace(tmp, self.stats_path(self.new))

    @staticmethod
    def stats_path(store: Path) -> Path:
        """Where the file states of a store are recorded: beside it."""
        return store.with_name(f"{store.name}.stat.pickle")

    def _recorded(self) -> dict:
        """File name -> (inode, size, mtime) of the old store's files, as the last build recorded them; empty if lost or damaged."""
        if self._old_stats is None:
            found = unseal(self.stats_path(self.old)) if self.old is not None else None
            self._old_stats = found if isinstance(found, dict) else {}
        return self._old_stats

    def put(self, key: str, data: bytes) -> None:
        self._keep(key, self._name(key, data), None, data)

    def place(self, key: str, target: Path) -> None:
        """Put the content kept under `key` (by `get` or `put` in this build) at `target`: a hard link to its file, no copy."""
        try:
            os.link(self.made[key], target)
        except FileExistsError:  # never write through a link into a kept file: its recorded state would vouch for other bytes
            raise
        except OSError:  # another file system: a copy
            target.write_bytes(self.made[key].read_bytes())

    def _name(self, key: str, data: bytes) -> str:
        return f"{key}.{hashlib.sha256(data).hexdigest()[:16]}{self.suffix}"

    def _keep(self, key: str, name: str, source: Path | None, data: bytes | None) -> None:
        """Keep the content in the new version as `name`: a hard link to `source` when it was there before, else its
        bytes written (`data`, or read from `source` on another file system; `close` records the new file's state)."""
        if not self.made:
            self.new.mkdir(parents=True, exist_ok=True)
        target = self.new / name
        self.made[key] = target
        if target.exists():
            return
        try:
            if source is None:
                raise OSError
            os.link(source, target)
        except OSError:
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(data if data is not None else source.read_bytes())
            os.replace(tmp, target)


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class RenderBuild:
    """Renders request pages and draws charts for one build: reused, or made in `jobs` forked workers."""

    def __init__(self, previous: Path | None, version: Path, jobs: int = 2, use_cache: bool = True):
        old = previous / ".cache" if previous is not None and use_cache else None
        self.pages = Store(old / "pages" if old else None, version / ".cache" / "pages", ".md")
        self.charts = Store(old / "charts" if old else None, version / ".cache" / "charts", ".svg")
        self.bundles = (old / SUMMARIES if old else None, version / ".cache" / SUMMARIES)  # every summary, under its key
        self.jobs = jobs
        self.code = code_key()  # charts are drawn by our own code (ElementTree), so the code key covers them
        self.summary_keys: dict[str, str] = {}
        self.counts = {"summaries read": 0, "summaries reused": 0, "browse pages rendered": 0, "browse pages reused": 0,
                       "pages rendered": 0, "pages reused": 0, "pages not kept": 0, "text pages rendered": 0, "text pages reused": 0, "charts drawn": 0,
                       "charts reused": 0}

    def summaries(self, packages: Path) -> list[summary.Summary]:
        """Every request's Summary in catalog order: from the published version's bundle of them, or read in the workers.

        The bundle is one sealed pickle of every summary under its key, written with their strings shared: loading it
        takes a tenth of the time of loading a file per request. A damaged or missing one is a miss, never an error."""
        catalog = json.loads((packages / "catalog.json").read_text(encoding="utf-8"))["packages"]
        entries = {p["name"]: p for p in catalog}
        keys = {name: _digest(self.code, "summary", entries[name]) for name in render.request_names(catalog)}
        old, new = self.bundles
        kept = _load_bundle(old) if old is not None else {}
        found = {name: kept[key] for name, key in keys.items() if key in kept}
        missing = [name for name in keys if name not in found]
        _SHARED["packages"] = packages
        for name, data in zip(missing, self._map(_summarise, missing)):
            found[name] = summary.shared(pickle.loads(data))
        self.counts["summaries read"] += len(missing)
        self.counts["summaries reused"] += len(keys) - len(missing)
        self.summary_keys = keys
        bundle = {keys[name]: found[name] for name in keys}
        new.parent.mkdir(parents=True, exist_ok=True)
        if not (set(kept) == set(bundle) and _link(old, new)):
            tmp = new.with_name(f".{new.name}.tmp")
            tmp.write_bytes(seal(pickle.dumps(bundle, protocol=pickle.HIGHEST_PROTOCOL)))
            os.replace(tmp, new)
        return [found[name] for name in keys]

    def memo_for(self, pk: render.Packages):
        """A memo of browse pages for this build: each kept under what it shows (`parts`, naming requests by their summary
        keys), the reference lists, mkdocs.yml's `extra:` and the code; so a changed request re-renders the pages that list it."""
        catalog = {p["name"]: p for p in pk.catalog}
        common = _digest(self.code, "browse", pk.extra, catalog.get("reference"))

        def memo(parts: tuple, make) -> str:
            key = _digest(common, parts)
            data = self.pages.get(key)
            if data is not None:
                self.counts["browse pages reused"] += 1
                return data.decode("utf-8")
            text = make()
            self.pages.put(key, text.encode("utf-8"))
            self.counts["browse pages rendered"] += 1
            return text
        return memo

    def request_pages(self, pk: render.Packages, out: Path) -> None:
        """Write every request page into `out` (the generated docs), reused where its key is unchanged.

        A page's key holds, of the other requests, only the references found within its link sources and the request
        each links to: the Linker's output on a text depends on no reference that is not within it. Every page rendered
        is checked to have linked only texts within its sources; one that did not is written but not kept (rendered
        again by every build), so a template that links a new kind of text costs time, never a stale link."""
        catalog = {p["name"]: p for p in pk.catalog}
        _, _, refs = pk.link_pattern()  # compiled here, before the workers fork, so they share it
        common = _digest(self.code, pk.extra, catalog.get("reference"))
        texts, found = self.link_texts(pk, refs)
        keys = {d["name"]: _digest(common, catalog[d["name"]], [(r, refs[r]) for r in found[d["name"]]]) for d in pk.requests}
        missing = [name for name, key in keys.items() if not self.pages.has(key)]
        _SHARED["pk"], _SHARED["links"] = pk, texts
        (out / "requests").mkdir(parents=True, exist_ok=True)
        unkept = set()
        for name, (text, within) in zip(missing, self._map(_render_page, missing)):
            if within:
                self.pages.put(keys[name], text.encode("utf-8"))
            else:
                unkept.add(name)
                (out / "requests" / f"{name}.md").write_text(text, encoding="utf-8")
        self.counts["pages rendered"] += len(missing)
        self.counts["pages reused"] += len(keys) - len(missing)
        self.counts["pages not kept"] += len(unkept)
        for name, key in keys.items():
            if name not in unkept:
                self.pages.place(key, out / "requests" / f"{name}.md")
        self._text_pages(pk, out, catalog)

    def link_texts(self, pk: render.Packages, refs: dict[str, str]) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Each request's link sources joined by NUL, and the references found within them.

        Both are kept in the version's .cache/ under the request's summary key, with the references they were found
        among: for a request whose package is unchanged only the references added since are looked for (a substring
        test each), so one request added costs one look through the texts, not a scan of them all. The sources of a
        changed request are read (in the workers) and scanned."""
        old, new = self.bundles[0].with_name(LINKS) if self.bundles[0] is not None else None, self.bundles[1].with_name(LINKS)
        keys = {d["name"]: self.summary_keys.get(d["name"], "") for d in pk.requests}
        kept = unseal(old) if old is not None else None
        if not (isinstance(kept, dict) and set(kept) == {"texts", "found", "refs"}):
            kept = {"texts": {}, "found": {}, "refs": frozenset()}
        texts = {name: kept["texts"][key] for name, key in keys.items() if key and key in kept["texts"] and key in kept["found"]}
        missing = [name for name in keys if name not in texts]
        _SHARED["packages"] = pk.folder
        texts.update(zip(missing, self._map(_link_text, missing)))
        added = [r for r in refs if r not in kept["refs"]]
        found = mentioned({name: texts[name] for name in missing}, refs)
        for name in keys.keys() - found.keys():
            found[name] = sorted([r for r in kept["found"][keys[name]] if r in refs] + [r for r in added if r in texts[name]])
        write_atomic(new, seal(pickle.dumps({"texts": {keys[n]: texts[n] for n in keys if keys[n]},
                                             "found": {keys[n]: found[n] for n in keys if keys[n]}, "refs": frozenset(refs)},
                                            protocol=pickle.HIGHEST_PROTOCOL)))
        return texts, found

    def _text_pages(self, pk: render.Packages, out: Path, catalog: dict) -> None:
        """requests/<id>/text.md of every long response: a function of its own package and the code, reused like the request pages."""
        for d in pk.requests:
            if not pagekit.text_page(d):
                continue
            key = _digest(self.code, "text", catalog[d["name"]])
            if not self.pages.has(key):
                self.pages.put(key, render.response_page(d, pk).encode("utf-8"))
                self.counts["text pages rendered"] += 1
            else:
                self.counts["text pages reused"] += 1
            (out / "requests" / d["name"]).mkdir(exist_ok=True)
            self.pages.place(key, out / "requests" / d["name"] / "text.md")

    def chart_key(self, chart: charts.Chart) -> str:
        return _digest(self.code, repr((chart.bars, chart.measure)))

    def prepare_charts(self, drawn: dict[str, list[charts.Chart]]):
        """Draw every chart not kept from the last build (in the workers); return the function that writes a chart's file."""
        keys = {c: self.chart_key(c) for cs in drawn.values() for c in cs}
        found = {key: c for c, key in keys.items()}
        missing = [key for key in found if not self.charts.has(key)]
        for key, svg in zip(missing, self._map(charts.svg_bytes, [found[k] for k in missing])):
            self.charts.put(key, svg)
        self.counts["charts drawn"] += len(missing)
        self.counts["charts reused"] += len(found) - len(missing)
        return lambda chart, target: self.charts.place(keys[chart], target)

    def close(self) -> None:
        """Record the stores' file states: call when the pages and charts are all made."""
        self.pages.close()
        self.charts.close()

    def _map(self, fn, items: list):
        """fn over items, in order, each result as it comes: in forked workers when there are enough of them."""
        if self.jobs <= 1 or len(items) < 2 * self.jobs:
            yield from map(fn, items)
            return
        # Freeze what this process holds (every descriptor) before forking: the workers' garbage collector then
        # never writes to those objects, so their memory pages stay shared instead of being copied into each worker.
        gc.freeze()
        try:
            with ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"), initializer=_init) as pool:
                yield from pool.map(fn, items, chunksize=max(1, min(32, len(items) // (4 * self.jobs))))
        finally:
            gc.unfreeze()


def _load_bundle(path: Path) -> dict:
    """The summaries kept in a bundle, by key; empty when it is missing, damaged (its sha256 is checked) or of other code."""
    gc.disable()  # one pickle of a few hundred thousand objects: the collector would walk them again and again
    try:
        bundle = unseal(path)
    finally:
        gc.enable()
    if not isinstance(bundle, dict) or not all(isinstance(s, summary.Summary) for s in bundle.values()):
        return {}
    return bundle


def _link(source: Path | None, target: Path) -> bool:
    try:
        os.link(source, target)
        return True
    except (OSError, TypeError):
        return False


def _init() -> None:
    from ..common.children import die_with_parent
    die_with_parent()


def mentioned(texts: dict[str, str], refs: dict[str, str]) -> dict[str, list[str]]:
    """The references found within each request's link sources (anywhere, not only at word boundaries: a text linked
    may start or end inside a source), in order. At each position the longest reference starting there is found (one
    scan of a trie-shaped pattern), then every reference that is a prefix of it."""
    if not refs:
        return {name: [] for name in texts}
    from .trie import trie_pattern
    scan = re.compile(f"(?=({trie_pattern(list(refs))}))")
    out = {}
    for name, text in texts.items():
        hits: set[str] = set()
        for m in scan.finditer(text):
            longest = m.group(1)
            hits.update(longest[:n] for n in range(1, len(longest) + 1) if longest[:n] in refs)
        out[name] = sorted(hits)
    return out


def _render_page(name: str) -> tuple[str, bool]:
    """A request page, and whether every text it linked is within its link sources (a NUL never is)."""
    pk, sources = _SHARED["pk"], _SHARED["links"][name]
    linked: list[str] = []
    text = render.request_page(summary.descriptor(pk.folder, name), pk, linked)
    return text, all("\0" not in t and t in sources for t in linked)


def _link_text(name: str) -> str:
    packages = _SHARED["packages"]
    d = summary.descriptor(packages, name)
    return "\0".join(render.link_sources(d, pagekit.read_rows(packages / name / "questions.csv")))


def _summarise(name: str) -> bytes:
    return pickle.dumps(summary.summarise(_SHARED["packages"], name), protocol=pickle.HIGHEST_PROTOCOL)
