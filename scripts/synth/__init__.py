"""Synthetic curated requests for benchmarks: `python -m scripts.synth N DIR` writes a project root of N valid requests.

Never published: the requests are invented (numbers, wording, references), shaped like real responses so that the
build does the same work on them: every topic, the forces of England and Wales, periods from 2012 to 2024, tables of
1 to 80 rows in every layout (lists, single figures, cross-tabs with row and column dimensions and stated totals,
a held XLSX attachment whose rows cite sheet and cell),
every question fate and caveat kind, and now and then a long response. The same N always gives the same bytes, and
request i is the same whatever N is.
"""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import yaml

from .request import Codes, Composer, slug
from .words import FORCES

ROOT = Path(__file__).resolve().parents[2]
BENCH_SOURCE = "Benchmark copy only: added by scripts/synth so synthetic requests spread over many forces; never published"


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Plain YAML with no anchors or aliases (curated files may not use them)."""

    def ignore_aliases(self, data):
        return True


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def add_forces(forces_csv: Path) -> None:
    """Add the forces of England and Wales that the copied list lacks, so the corpus spreads over many forces."""
    rows = _rows(forces_csv)
    header = list(rows[0].keys()) if rows else ["code", "title", "short_title", "source"]
    known = {r["code"] for r in rows}
    for code, title in FORCES:
        if code not in known:
            extra = {"code": code, "title": title, "short_title": title.split(" Police")[0].split(" Constabulary")[0], "source": BENCH_SOURCE}
            rows.append({h: extra.get(h, "") for h in header})
    buf = io.StringIO()
    writer = csv.DictWriter(buf, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    forces_csv.write_text(buf.getvalue(), encoding="utf-8")


def codes(reference: Path) -> Codes:
    """The codes the generator draws from, read from the (copied) reference lists."""
    def col(name):
        return [r["code"] for r in _rows(reference / f"{name}.csv")]
    return Codes(forces=[(r["code"], r["title"]) for r in _rows(reference / "forces.csv")], topics=col("topics"),
                 statuses=col("answer_statuses"), kinds={r["code"]: r["description"] for r in _rows(reference / "caveat_kinds.csv")},
                 offences=set(col("offence_codes")))


def write_request(i: int, datapackages: Path, lists: Codes) -> str:
    """Write synthetic request number i into datapackages/<id>/; return its id."""
    composer = Composer(i, lists)
    text, meta, files = composer.compose()
    folder = datapackages / f"{composer.force_code}-{slug(composer.ref)}"
    (folder / "tables").mkdir(parents=True)
    (folder / "response.txt").write_bytes(text.encode("utf-8"))
    header = f"# Synthetic request {i} for benchmarks (scripts/synth): invented, never published.\n"
    body = yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)
    (folder / "request.yaml").write_text(header + body, encoding="utf-8")
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    if not any((folder / "tables").iterdir()):
        (folder / "tables").rmdir()
    return folder.name


def make_project(n: int, target: Path, source: Path = ROOT) -> Path:
    """A project root at `target`: the reference lists, docs/ and mkdocs.yml copied from `source`, and n synthetic requests."""
    target.mkdir(parents=True, exist_ok=True)
    datapackages = target / "datapackages"
    shutil.copytree(source / "datapackages" / "reference", datapackages / "reference")
    add_forces(datapackages / "reference" / "forces.csv")
    shutil.copytree(source / "docs", target / "docs", ignore=shutil.ignore_patterns("generated"))
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    lists = codes(datapackages / "reference")
    for i in range(n):
        write_request(i, datapackages, lists)
    return target
