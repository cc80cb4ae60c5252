"""`make bench`: time each build stage and weigh a request page, on the seeds and on many synthetic copies.

Synthetic requests are copies of the Bedfordshire and Hertfordshire seeds with a new
reference number written into the text and YAML (and the hash recorded anew). They
exist only in a temporary folder for timing; they are never published.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import tempfile
import time
from pathlib import Path

from .build import ROOT, build
from .timing import Timer

TEMPLATES = {"bedfordshire-foi2019-05348": "FOI2019/05348", "hertfordshire-foi2018-00739": "FOI2018/00739"}


def make_project(target: Path, copies: int) -> Path:
    """A project with the real requests plus `copies` synthetic ones."""
    shutil.copytree(ROOT / "datapackages", target / "datapackages")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("generated"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    templates = list(TEMPLATES.items())
    for n in range(copies):
        name, reference = templates[n % len(templates)]
        prefix = reference.split("/")[0]
        new_ref = f"{prefix}/9{n:04d}"
        folder = target / "datapackages" / f"{name.split('-')[0]}-{prefix.lower()}-9{n:04d}"
        shutil.copytree(ROOT / "datapackages" / name, folder)
        text = (folder / "response.txt").read_bytes().replace(reference.encode(), new_ref.encode())
        (folder / "response.txt").write_bytes(text)
        meta = (folder / "request.yaml").read_text(encoding="utf-8").replace(reference, new_ref)
        meta = re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {hashlib.sha256(text).hexdigest()}", meta)
        (folder / "request.yaml").write_text(meta, encoding="utf-8")
    return target


def page_weight(site: Path, request_id: str) -> dict[str, int]:
    """Bytes a browser fetches for one request page: its HTML, the assets it links, and the search index."""
    html = (site / "requests" / request_id / "index.html").read_text(encoding="utf-8")
    assets = sorted(set(re.findall(r'(?:href|src)="((?:\.\./)+assets/[^"]+)"', html)))
    asset_bytes = sum((site / "requests" / request_id / a).resolve().stat().st_size for a in assets)
    return {"html": len(html.encode()), "assets": asset_bytes, "search_index": (site / "search" / "search_index.json").stat().st_size}


def run(copies: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp) / "p", copies)
        timer = Timer()
        start = time.perf_counter()
        build(root, timer=timer)
        total = time.perf_counter() - start
        weight = page_weight(root / "build" / "site", "bedfordshire-foi2019-05348")
        size = sum(p.stat().st_size for p in (root / "build").rglob("*") if p.is_file())
    return {"requests": copies + 5, "total": total, **timer.seconds, **weight, "build_bytes": size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, nargs="*", default=[0, 50, 200], help="synthetic requests added to the seeds")
    args = parser.parse_args(argv)
    rows = [run(n) for n in args.copies]
    stages = ["load and check", "write packages", "frictionless validate", "render pages", "mkdocs build"]
    print("requests  total s  " + "  ".join(f"{s:>21}" for s in stages) + "  page html  page assets  search index  build/ bytes")
    for r in rows:
        print(f"{r['requests']:>8}  {r['total']:7.2f}  " + "  ".join(f"{r.get(s, 0):21.2f}" for s in stages)
              + f"  {r['html']:>9}  {r['assets']:>11}  {r['search_index']:>12}  {r['build_bytes']:>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
