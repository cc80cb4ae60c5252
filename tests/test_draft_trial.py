"""make draft on the response a trial curator added (Avon and Somerset, answers headed "In relation to questions 1, 4, 5
and 6", a text cut off mid-sentence): what the draft proposes, and what it tells the curator to check."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from scripts.draft.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
AVON = "avon-and-somerset-ours-021c0bf0"
URL = "https://www.avonandsomerset.police.uk/146622-child-sexual-exploitation-arrests-and-prosecutions-in-2014-15-and-2015-16"


def drafted(tmp_path: Path, capsys) -> tuple[dict, str]:
    folder = tmp_path / "avon-146622"
    folder.mkdir()
    shutil.copy(ROOT / "datapackages" / AVON / "response.txt", folder / "response.txt")
    assert main([str(folder / "response.txt"), "--url", URL]) == 0
    return yaml.safe_load((folder / "request.yaml").read_text(encoding="utf-8")), capsys.readouterr().out


def test_answers_headed_by_the_questions_they_answer_are_found(tmp_path, capsys):
    fields, said = drafted(tmp_path, capsys)
    q2 = next(q for q in fields["questions"] if q["id"] == "2")
    assert q2["status"] == "exempt" and q2["section"] == "s30(3), s31(3), s40(5)" and q2["quote"].startswith("In relation to question 2,")
    assert "questions[1].status: the answer (line 27) gives figures but says some cannot be given" in said  # not guessed


def test_topic_and_caveat_candidates_in_the_forces_words(tmp_path, capsys):
    fields, _ = drafted(tmp_path, capsys)
    assert fields["topics"] == ["child-sexual-exploitation"]
    assert [c["kind"] for c in fields["caveats"]] == ["search-limits", "overlapping-counts"]
    assert fields["caveats"][1]["quote"] == "Therefore they may be counted in more than one category."


def test_the_draft_says_the_text_is_cut_off_and_what_to_name_the_folder(tmp_path, capsys):
    _, said = drafted(tmp_path, capsys)
    assert "response.txt ends mid-sentence (line 73: 'Section 40 is a class')" in said
    assert f"rename {tmp_path / 'avon-146622'} to {tmp_path / AVON}" in said
