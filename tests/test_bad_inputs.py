"""Bad curated input: each breakage gives exactly the error expected, exit 1, and leaves build/ untouched."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scripts.build import main

BED = "datapackages/bedfordshire-foi2019-05348"
HERTS = "datapackages/hertfordshire-foi2018-00739"


def edit(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file of the copied project, insisting that the old text is there."""
    path = root / rel
    text = path.read_bytes().decode("utf-8")
    assert text.count(old) >= count, f"{old!r} not in {rel}"
    path.write_bytes(text.replace(old, new, count).encode("utf-8"))


def rehash(root: Path, folder: str) -> None:
    """Record the sha256 of an edited response.txt, as a curator correcting a constructed text would."""
    import re
    digest = hashlib.sha256((root / folder / "response.txt").read_bytes()).hexdigest()
    yaml_path = root / folder / "request.yaml"
    yaml_path.write_text(re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", yaml_path.read_text()), encoding="utf-8")


def run(root: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "--no-site"])
    return code, capsys.readouterr().err.splitlines()


def break_yaml_syntax(root):
    edit(root, f"{BED}/request.yaml", "title: Indecent image offences", "title: [Indecent image offences")


def break_schema(root):
    edit(root, f"{BED}/request.yaml", "    status: partly-answered\n", "")


def break_code(root):
    edit(root, f"{BED}/request.yaml", "topics: [indecent-images, sexting]", "topics: [indecent-images, sextng]")


def break_number(root):
    edit(root, f"{HERTS}/tables/figures.csv", ",622,reported,65", ",662,reported,65")


def break_citation(root):
    edit(root, f"{BED}/tables/cms-offenders-under-14.csv", "13,2017,11,reported,48", "13,2017,11,reported,47")


def break_label_as_value(root):
    edit(root, f"{BED}/tables/cms-offenders-under-14.csv", "12,2017,13,reported,47", "12,2017,13,reported,48")


def break_quote(root):
    edit(root, f"{HERTS}/request.yaml", "quote: Q1 – 88", "quote: Q1 – 89")


def break_path(root):
    edit(root, f"{HERTS}/request.yaml", "path: tables/figures.csv", "path: ../south-yorkshire-20180075/tables/hunter-group-intelligence.csv")


def break_duplicate_id(root):
    edit(root, f"{HERTS}/request.yaml", "  - id: ages-not-recorded", "  - id: free-text-only")


def break_duplicate_key(root):
    edit(root, f"{HERTS}/request.yaml", "title: Outcome 21", "title: Outcome 21 twice\ntitle: Outcome 21")


def break_encoding(root):
    (root / HERTS / "tables/figures.csv").write_bytes(
        (root / HERTS / "tables/figures.csv").read_bytes().replace(b"Outcome 21", "Outcome 21 \u2013".encode("cp1252")))


def break_csv_fields(root):
    edit(root, f"{HERTS}/tables/figures.csv", "1,Times Outcome 21 was used,88,reported,61", "1,Times Outcome 21 was used,88,reported")


def break_csv_quoting(root):
    edit(root, f"{HERTS}/tables/figures.csv", '"Offences relating to ""Indecent Images of Children""",76',
         '"Offences relating to ""Indecent Images of Children"",76')


def break_header(root):
    edit(root, f"{HERTS}/tables/figures.csv", "question,measure,value,status,line", "question,measure,count,status,line")


def break_status(root):
    edit(root, f"{HERTS}/tables/figures.csv", "88,reported,61", "88,reportd,61")


def break_blank_as_zero(root):
    edit(root, f"{BED}/tables/cms-offenders-under-14.csv", "Children,13,2018,,blank,41", "Children,13,2018,0,reported,41")


def break_response_bytes(root):
    edit(root, f"{HERTS}/response.txt", "Q1 – 88", "Q1 – 88 ")


def break_folder_name(root):
    (root / HERTS).rename(root / "datapackages/hertfordshire-foi2018-739")


def break_applies_to(root):
    edit(root, f"{HERTS}/request.yaml", "applies_to: [table:figures]", "applies_to: [table:figure]")


def break_undeclared_table(root):
    (root / HERTS / "tables/extra.csv").write_text("a\n1\n")


def break_missing_response(root):
    (root / HERTS / "response.txt").unlink()


def break_total(root):
    """A constructed variant whose text states a total that does not add up."""
    edit(root, f"{BED}/response.txt", "13\t11\t11\t22", "13\t11\t11\t23")
    edit(root, f"{BED}/tables/cms-offenders-under-14.csv", "13,Total,22,reported,48", "13,Total,23,reported,48")
    rehash(root, BED)


def break_stale_mismatch(root):
    edit(root, f"{HERTS}/request.yaml", "    dimensions:\n      - name: question",
         "    mismatches:\n      - total: {question: Total, measure: Total}\n        over: question\n        note: x\n"
         "    dimensions:\n      - name: question")


PREFIX_B = f"error: {BED}"
PREFIX_H = f"error: {HERTS}"
CASES = [
    (break_yaml_syntax, [f"{PREFIX_B}/request.yaml:4: invalid YAML: while parsing a flow sequence expected ',' or ']', but got ':'"]),
    (break_schema, [f"{PREFIX_B}/request.yaml:99: questions[1]: 'status' is a required property"]),
    (break_code, [f"{PREFIX_B}/request.yaml:19: topics[1]: unknown code 'sextng'; expected one of grooming, indecent-images, "
                  "outcome-21, sexting, sexual-communication (datapackages/reference/topics.csv)"]),
    (break_number, [f"{PREFIX_H}/tables/figures.csv:4: value: 662 (reported) does not stand on line 65 of response.txt: "
                    "662 is not written on the line: 'Q3 - As detailed above, we cannot provide this figure within cost. The total number "
                    "of offences relating to \"Indecent Images of Children\" during this period was 622. We cannot provide information "
                    "as to the ages of the children involved as this is not always formally recorded.'"]),
    (break_citation, [f"{PREFIX_B}/tables/cms-offenders-under-14.csv:29: value: 11 (reported) does not stand on line 47 of response.txt: "
                      "11 is not written on the line: '12\\t13\\t7\\t20'"]),
    (break_label_as_value, [f"{PREFIX_B}/tables/cms-offenders-under-14.csv:26: value: 13 (reported) does not stand on line 48 of "
                            "response.txt: 13 is not written on the line (outside its label cell): '13\\t11\\t11\\t22'"]),
    (break_quote, [f"{PREFIX_H}/request.yaml:63: questions[0].quote: not found in response.txt: 'Q1 – 89'; "
                   "quote the response exactly (only line breaks and spaces may differ)"]),
    (break_path, [f"{PREFIX_H}/request.yaml:140: tables[0].path: '../south-yorkshire-20180075/tables/hunter-group-intelligence.csv' "
                  "leaves the request folder; expected a path under tables/, such as tables/figures.csv",
                  f"{PREFIX_H}/tables/figures.csv: not declared under tables: in request.yaml; declare it or remove it"]),
    (break_duplicate_id, [f"{PREFIX_H}/request.yaml:114: caveats[2].id: duplicate id 'free-text-only' (also caveats[0])"]),
    (break_duplicate_key, [f"{PREFIX_H}/request.yaml:4: invalid YAML: duplicate key 'title' (first on line 3)"]),
    (break_encoding, [f"{PREFIX_H}/tables/figures.csv:2: not valid UTF-8 (byte 0x96 at offset 54); save it as UTF-8"]),
    (break_csv_fields, [f"{PREFIX_H}/tables/figures.csv:2: expected 5 fields (question,measure,value,status,line); found 4"]),
    (break_csv_quoting, [f"{PREFIX_H}/tables/figures.csv: malformed CSV: ',' expected after '\"'"]),
    (break_header, [f"{PREFIX_H}/tables/figures.csv:1: header: expected columns question,measure,value,status,line; "
                    "found question,measure,count,status,line"]),
    (break_status, [f"{PREFIX_H}/tables/figures.csv:2: status: unknown value status 'reportd'; expected one of blank, nil, reported, suppressed"]),
    (break_blank_as_zero, [f"{PREFIX_B}/tables/cms-offenders-under-14.csv:9: value: 0 (reported) does not stand on line 41 of "
                           "response.txt: 0 is not written on the line: '13\\t1\\t\\t1'"]),
    (break_response_bytes, [f"{PREFIX_H}/request.yaml:52: source.sha256: response.txt has sha256 "
                            "7a1570468f2f3f2f81d5803b01916b8610054c3fe723ddc2f727d1d2fa1da7c2, not the recorded "
                            "d663ef61d4c021355e3adbe02a9ff46063888d4a61930b07ebe55e8aadffc009; response.txt must stay byte-identical "
                            "to the published text"]),
    (break_folder_name, ["error: datapackages/hertfordshire-foi2018-739/request.yaml:12: reference.value: folder is named "
                         "'hertfordshire-foi2018-739' but force and reference give 'hertfordshire-foi2018-00739'; rename the folder or fix the fields"]),
    (break_applies_to, [f"{PREFIX_H}/request.yaml:125: caveats[3].applies_to[0]: 'table:figure' names no table, field or question of this request"]),
    (break_undeclared_table, [f"{PREFIX_H}/tables/extra.csv: not declared under tables: in request.yaml; declare it or remove it"]),
    (break_missing_response, [f"{PREFIX_H}/response.txt: missing; every request folder needs response.txt and request.yaml"]),
    (break_total, [f"{PREFIX_B}/tables/cms-offenders-under-14.csv:19: value: stated total 51 (outcome=UNSOLVED, offence=Take/ Make/Distribute "
                   "Indecent Photographs Or Pseudo Photographs Of Children., offender_age=Total, year=Total; response line 44) but its parts over "
                   "offender_age add up to 52 (response lines 45, 46, 47, 48); if the response really says so, declare it under "
                   "tables[0].mismatches in request.yaml",
                   f"{PREFIX_B}/tables/cms-offenders-under-14.csv:31: value: stated total 23 (outcome=UNSOLVED, offence=Take/ Make/Distribute "
                   "Indecent Photographs Or Pseudo Photographs Of Children., offender_age=13, year=Total; response line 48) but its parts over "
                   "year add up to 22 (response lines 48); if the response really says so, declare it under tables[0].mismatches in request.yaml"]),
    (break_stale_mismatch, [f"{PREFIX_H}/request.yaml:152: tables[0].mismatches[0]: declared mismatch does not occur: the total agrees "
                            "with its parts or does not exist; remove the declaration"]),
]


@pytest.mark.parametrize("breakage, expected", CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_input_gives_exact_error(project, capsys, breakage, expected):
    breakage(project)
    code, err = run(project, capsys)
    assert code == 1
    assert err == expected + [f"build failed: {len(expected)} problem(s); the previous build/ is unchanged"]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_build_leaves_previous_build_intact(project, capsys):
    assert run(project, capsys)[0] == 0
    before = snapshot(project / "build")
    break_number(project)
    break_quote(project)
    code, err = run(project, capsys)
    assert code == 1 and len(err) == 3
    assert snapshot(project / "build") == before
    assert [p.name for p in (project / "build").iterdir()] == ["datapackages"]


def test_declared_mismatch_builds_and_becomes_a_caveat(project, capsys):
    import csv
    break_total(project)
    edit(project, f"{BED}/request.yaml", "    measure: Recorded offences\n    period: CMS table",
         "    measure: Recorded offences\n    mismatches:\n"
         "      - total: {outcome: UNSOLVED, offence: \"Take/ Make/Distribute Indecent Photographs Or Pseudo Photographs Of Children.\", "
         "offender_age: Total, year: Total}\n        over: offender_age\n        note: Constructed test case.\n"
         "      - total: {outcome: UNSOLVED, offence: \"Take/ Make/Distribute Indecent Photographs Or Pseudo Photographs Of Children.\", "
         "offender_age: \"13\", year: Total}\n        over: year\n        note: Constructed test case.\n    period: CMS table")
    code, err = run(project, capsys)
    assert code == 0, err
    with (project / "build/datapackages/bedfordshire-foi2019-05348/caveats.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kind"] == "total-mismatch"]
    assert [(r["caveat_id"], r["quote"], r["line_start"]) for r in rows] == [
        ("total-mismatch-cms-offenders-under-14-1", "Take/ Make/Distribute Indecent Photographs Or Pseudo Photographs Of Children. 31 20 51", "44"),
        ("total-mismatch-cms-offenders-under-14-2", "13 11 11 23", "48")]
    assert "add up to 52" in rows[0]["note"] and rows[0]["note"].endswith("Constructed test case.")


def test_site_warning_fails_the_build_and_keeps_the_previous_site(project, capsys):
    """mkdocs build --strict: a hand-written page linking to a missing page stops the build; build/ stays as it was."""
    assert main(["--root", str(project)]) == 0
    capsys.readouterr()
    before = snapshot(project / "build")
    edit(project, "docs/curation.md", "# Curation guide: adding a response", "# Curation guide: adding a response\n\nSee [nowhere](nowhere.md).")
    assert main(["--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "error: mkdocs.yml: mkdocs build --strict:" in err and "nowhere.md" in err
    assert snapshot(project / "build") == before
