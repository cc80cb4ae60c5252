"""A question the text we hold does not address (a letter cut off, say) needs no quote, only a note saying why."""
from __future__ import annotations

import shutil
from pathlib import Path

from scripts.curated.collect import load_all
from scripts.curated.errors import BuildFailed
from scripts.packages.package import question_rows

ROOT = Path(__file__).resolve().parent.parent
AVON = "avon-and-somerset-ours-021c0bf0"  # real: the retrieved text ends part-way through the answer to question 2


def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "datapackages" / "reference", tmp_path / "datapackages" / "reference")
    shutil.copytree(ROOT / "datapackages" / AVON, tmp_path / "datapackages" / AVON)
    return tmp_path


def edit(root: Path, old: str, new: str) -> None:
    path = root / "datapackages" / AVON / "request.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list:
    try:
        load_all(root)
    except BuildFailed as err:
        return [(p.field, p.code, p.message) for p in err.problems]
    return []


NOTE = "  note: The retrieved text does not answer this question; it ends part-way through the answer to question 2.\n"


def test_a_question_not_addressed_builds_without_a_quote(tmp_path):
    (req,), _ = load_all(project(tmp_path))
    q3 = next(q for q in req.questions if q.id == "3")
    assert q3.status == "not-addressed" and q3.quote is None and "ends part-way" in q3.note
    assert [row for row in question_rows(req) if row[0] == "3"][0][4:7] == [None, None, None]


def test_without_a_quote_it_needs_a_note(tmp_path):
    root = project(tmp_path)
    edit(root, NOTE, "")
    found = problems(root)
    assert [(f, c) for f, c, _ in found] == [("questions[2]", "schema")] and "'note' is a required property" in found[0][2]


def test_an_answered_question_still_needs_its_quote(tmp_path):
    root = project(tmp_path)
    edit(root, "  status: not-addressed\n", "  status: answered\n")
    found = problems(root)
    assert [(f, c) for f, c, _ in found] == [("questions[2]", "schema")] and "'quote' is a required property" in found[0][2]
