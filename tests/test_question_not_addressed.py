"""A question the text we hold does not address (a letter cut off, say) needs no quote, only a note saying why."""
from __future__ import annotations

from scripts.curated.collect import load_all
from scripts.packages.package import question_rows

from .test_curation_model import edit, problems, project

AVON = "avon-and-somerset-ours-021c0bf0"  # real: the retrieved text ends part-way through the answer to question 2


NOTE = "  note: The retrieved text does not answer this question; it ends part-way through the answer to question 2.\n"


def test_a_question_not_addressed_builds_without_a_quote(tmp_path):
    (req,), _ = load_all(project(tmp_path, AVON))
    q3 = next(q for q in req.questions if q.id == "3")
    assert q3.status == "not-addressed" and q3.quote is None and "ends part-way" in q3.note
    assert [row for row in question_rows(req) if row[0] == "3"][0][4:7] == [None, None, None]


def test_without_a_quote_it_needs_a_note(tmp_path):
    root = project(tmp_path, AVON)
    edit(root, AVON, NOTE, "")
    found = problems(root)
    assert [(p.field, p.code) for p in found] == [("questions[2]", "schema")] and "'note' is a required property" in found[0].message


def test_an_answered_question_still_needs_its_quote(tmp_path):
    root = project(tmp_path, AVON)
    edit(root, AVON, "  status: not-addressed\n", "  status: answered\n")
    found = problems(root)
    assert [(p.field, p.code) for p in found] == [("questions[2]", "schema")] and "'quote' is a required property" in found[0].message
