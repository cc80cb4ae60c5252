"""Bad curated input: each breakage gives exactly the error expected, exit 1, and leaves build/ untouched."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scripts.build.build import load_all, main
from scripts.curated.errors import BuildFailed
from tests.conftest import published

BED = "datapackages/bedfordshire-foi2019-05348"
HERTS = "datapackages/hertfordshire-foi2018-00739"
SY21 = "datapackages/south-yorkshire-20210999"


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


def break_huge_number(root):
    edit(root, f"{HERTS}/tables/figures.csv", ",622,reported,65", ",9007199254740993,reported,65")


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
        (root / HERTS / "tables/figures.csv").read_bytes().replace(b"total number", "total \u2013 number".encode("cp1252")))


def break_csv_fields(root):
    edit(root, f"{HERTS}/tables/outcome-21.csv", "Q1,88,reported,61", "Q1,88,reported")


def break_csv_quoting(root):
    edit(root, f"{HERTS}/tables/figures.csv", 'Q3,"total number', 'Q3,"total number"x')


def break_csv_unclosed_quote(root):
    edit(root, f"{HERTS}/tables/figures.csv", 'Q3,"total number', 'Q3,"total, number')
    edit(root, f"{HERTS}/tables/figures.csv", 'during this period",622', 'during this period,622')


def break_header(root):
    edit(root, f"{HERTS}/tables/figures.csv", "question,measure,value,status,line", "question,measure,count,status,line")


def break_status(root):
    edit(root, f"{HERTS}/tables/outcome-21.csv", "88,reported,61", "88,reportd,61")


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
    edit(root, f"{HERTS}/request.yaml", "    dimensions:\n      - name: question\n        title: Question\n        description: The label of the answer the",
         "    mismatches:\n      - total: {question: Total, measure: Total}\n        over: question\n        note: x\n"
         "    dimensions:\n      - name: question\n        title: Question\n        description: The label of the answer the")


# ---- issue 7: hostile and careless input ------------------------------------------------

def bomb() -> str:
    """A "billion laughs": nine levels of nine aliases, 9^9 strings if expanded."""
    lines = ['x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"x{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def break_alias_bomb(root):
    edit(root, f"{BED}/request.yaml", "title: Indecent image offences", bomb() + "title: *a8\nxtitle: Indecent image offences")


def break_symlinked_response(root):
    (root / HERTS / "response.txt").unlink()
    (root / HERTS / "response.txt").symlink_to("/etc/passwd")


def break_symlinked_folder(root):
    outside = root.parent / "outside-request"
    (root / HERTS).rename(outside)
    (root / HERTS).symlink_to(outside, target_is_directory=True)


def break_symlinked_table(root):
    (root / HERTS / "tables/figures.csv").unlink()
    (root / HERTS / "tables/figures.csv").symlink_to(root / SY21 / "tables/keyword-counts.csv")


def break_row_label(root):
    edit(root, f"{SY21}/tables/keyword-counts.csv", "FACEBOOK,7,reported,35", "FACEBOOK,7,reported,38")


def break_invented_nil_row(root):
    edit(root, f"{SY21}/tables/keyword-counts.csv", "KIK,1,reported,39", "KIK,1,reported,39\nLINKEDIN,0,nil,36")


def break_column_label(root):
    edit(root, f"{BED}/tables/cms-offenders-under-14.csv", "12,2017,13,reported,47", "12,2017,7,reported,47")
    edit(root, f"{BED}/tables/cms-offenders-under-14.csv", "12,2018,7,reported,47", "12,2018,13,reported,47")


def break_duplicate_response(root):
    import shutil
    copy = root / "datapackages/bedfordshire-foi2018-00739"
    shutil.copytree(root / HERTS, copy)
    edit(root, "datapackages/bedfordshire-foi2018-00739/request.yaml", "  code: hertfordshire", "  code: bedfordshire")


def break_made_up_reference(root):
    edit(root, f"{HERTS}/request.yaml", "  value: FOI2018/00739", "  value: MADE-UP-REF")
    (root / HERTS).rename(root / "datapackages/hertfordshire-made-up-ref")


def break_hidden_folder(root):
    (root / HERTS).rename(root / "datapackages/.hertfordshire-foi2018-00739")


def break_nul_in_label(root):
    edit(root, f"{SY21}/tables/keyword-counts.csv", "KIK,1", "K\x00IK,1")


def break_header_only_table(root):
    (root / HERTS / "tables/outcome-21.csv").write_text("question,value,status,line\n")


def break_list_key(root):
    edit(root, f"{HERTS}/request.yaml", "title: Outcome 21", "? [a, b]\n: 1\ntitle: Outcome 21")


def break_reserved_table_name(root):
    edit(root, f"{HERTS}/request.yaml", "  - name: outcome-21\n", "  - name: questions\n")


def break_duplicate_dimension(root):
    edit(root, f"{HERTS}/request.yaml", "      - name: measure\n        title: Measure", "      - name: question\n        title: Measure")


def break_nul_in_yaml(root):
    edit(root, f"{HERTS}/request.yaml", "  curator: FOI open data project", "  curator: FOI open\x00data project")


def break_reference_list(root):
    edit(root, "datapackages/reference/topics.csv", "code,", "kode,")


def break_topic_outcome_type(root):
    edit(root, "datapackages/reference/topics.csv", "This project,21", "This project,99")


def break_unknown_key(root):
    edit(root, f"{HERTS}/request.yaml", "topics: [outcome-21", "colour: blue\ntopics: [outcome-21")


def break_impossible_date(root):
    edit(root, f"{HERTS}/request.yaml", 'date: "2018-03-08"', 'date: "2018-02-30"')


def break_wrong_heading(root):
    """Three Athena rows moved under an offence the Athena table never printed (found by a review)."""
    path = f"{BED}/tables/athena-offenders-under-14.csv"
    for year, value, status in (("2018", "", "blank"), ("2019", "1", "reported"), ("Total", "1", "reported")):
        edit(root, path, f"UNSOLVED,086/10 - Possession of an indecent or pseudo indecent photo of a child,13,{year},{value},{status},62",
             f"UNSOLVED,Possessing Prohibited Images Of Children,13,{year},{value},{status},62")


def break_same_line_other_heading(root):
    """Line 43 reads like line 41 (13, 1, blank, 1) but stands under another offence."""
    edit(root, f"{BED}/tables/cms-offenders-under-14.csv", "Children,13,2017,1,reported,41", "Children,13,2017,1,reported,43")


def break_response_date(root):
    edit(root, f"{BED}/request.yaml", 'date: "2019-09-17"', 'date: "2019-09-18"')


def break_period_end(root):
    edit(root, f"{BED}/request.yaml", 'end: "2018-05-22"\n    quote: "Recorded Crime', 'end: "2018-06-22"\n    quote: "Recorded Crime')


def break_summary_number(root):
    edit(root, f"{HERTS}/request.yaml", "used Outcome 21 88 times", "used Outcome 21 98 times")


def break_title_month(root):
    edit(root, f"{HERTS}/request.yaml", "title: Times Outcome 21 was used, January 2016", "title: Times Outcome 21 was used, January 2015")


def break_caveat_quotes_requester(root):
    edit(root, "datapackages/south-yorkshire-20180075/request.yaml", "caveats:\n", "caveats:\n  - id: requester\n    kind: interpretation\n"
         "    quote: If there are just three and they are easy to read, great\n    applies_to: [package]\n")


def break_answer_quotes_question(root):
    edit(root, f"{HERTS}/request.yaml", "    status: refused-cost\n    quote: We cannot provide information as to the ages of the children involved "
         "as this is not always formally recorded.\n    line: 63", "    status: answered\n    quote: involved 11-17 year olds?")


def break_answer_drops_its_opener(root):
    edit(root, "datapackages/avon-and-somerset-ours-021c0bf0/request.yaml",
         "  quote: In relation to question 6, please see the offence years for the above 21 prosecutions in the table below\n",
         "  quote: please see the offence years for the above 21 prosecutions in the table below\n")


def break_answer_stops_before_its_figure(root):
    edit(root, "datapackages/west-midlands-19-15/request.yaml", "01 April 2013 to 31 March 2014 = 111\n    note: The non-crimes",
         "01 April 2013 to 31 March 2014\n    note: The non-crimes")


def break_answer_is_one_cell(root):
    edit(root, "datapackages/northamptonshire-foi-10905-25/request.yaml", "    quote: 11 and under | 12-15 | 16 and over | Unknown Age |\n",
         "    quote: Unknown Age |\n")


def break_ambiguous_answer(root):
    edit(root, f"{HERTS}/request.yaml", "formally recorded.\n    line: 65\n", "formally recorded.\n", 1)


def break_answer_line(root):
    edit(root, f"{HERTS}/request.yaml", "formally recorded.\n    line: 65\n", "formally recorded.\n    line: 64\n", 1)


def break_layout(root):
    edit(root, f"{HERTS}/request.yaml", "      rows: [question, measure]", "      rows: [question]")


B, H = BED, HERTS
S21, S18 = SY21, "datapackages/south-yorkshire-20180075"
# (breakage, [(file, line, field, code), ...]): the place and kind of every problem, not its wording.
CASES = [
    (break_yaml_syntax, [(f"{B}/request.yaml", 4, "", "yaml")]),
    (break_schema, [(f"{B}/request.yaml", 89, "questions[1]", "schema")]),
    (break_code, [(f"{B}/request.yaml", 19, "topics[1]", "unknown-code")]),
    (break_number, [(f"{H}/tables/figures.csv", 3, "value", "citation")]),
    (break_huge_number, [(f"{H}/tables/figures.csv", 3, "value", "value")]),
    (break_citation, [(f"{B}/tables/cms-offenders-under-14.csv", 29, "value", "citation")]),
    (break_label_as_value, [(f"{B}/tables/cms-offenders-under-14.csv", 26, "value", "citation")]),
    (break_quote, [(f"{H}/request.yaml", 63, "questions[0].quote", "quote-not-found")]),
    (break_path, [(f"{H}/request.yaml", 172, "tables[1].path", "path"), (f"{H}/tables/figures.csv", None, "", "undeclared-file")]),
    (break_duplicate_id, [(f"{H}/request.yaml", 130, "caveats[2].id", "duplicate-id")]),
    (break_duplicate_key, [(f"{H}/request.yaml", 4, "", "yaml")]),
    (break_encoding, [(f"{H}/tables/figures.csv", 2, "", "encoding")]),
    (break_csv_fields, [(f"{H}/tables/outcome-21.csv", 2, "", "csv")]),
    (break_csv_quoting, [(f"{H}/tables/figures.csv", 3, "", "csv")]),
    (break_csv_unclosed_quote, [(f"{H}/tables/figures.csv", 3, "", "csv")]),
    (break_header, [(f"{H}/tables/figures.csv", 1, "header", "csv")]),
    (break_status, [(f"{H}/tables/outcome-21.csv", 2, "status", "status")]),
    (break_blank_as_zero, [(f"{B}/tables/cms-offenders-under-14.csv", 9, "value", "citation")]),
    (break_response_bytes, [(f"{H}/request.yaml", 52, "source.sha256", "hash-mismatch")]),
    (break_folder_name, [("datapackages/hertfordshire-foi2018-739/request.yaml", 12, "reference.value", "identity")]),
    (break_applies_to, [(f"{H}/request.yaml", 141, "caveats[3].applies_to[0]", "applies-to")]),
    (break_undeclared_table, [(f"{H}/tables/extra.csv", None, "", "undeclared-file")]),
    (break_missing_response, [(f"{H}/response.txt", None, "", "missing-file")]),
    (break_total, [(f"{B}/tables/cms-offenders-under-14.csv", 19, "value", "total-mismatch"),
                   (f"{B}/tables/cms-offenders-under-14.csv", 31, "value", "total-mismatch")]),
    (break_stale_mismatch, [(f"{H}/request.yaml", 184, "tables[1].mismatches[0]", "stale-mismatch")]),
    (break_alias_bomb, [(f"{B}/request.yaml", 3, "", "yaml-alias")]),
    (break_symlinked_response, [(f"{H}/response.txt", None, "", "symlink")]),
    (break_symlinked_folder, [(H, None, "", "symlink")]),
    (break_symlinked_table, [(f"{H}/request.yaml", 172, "tables[1].path", "symlink")]),
    (break_row_label, [(f"{S21}/tables/keyword-counts.csv", 3, "value", "citation")]),
    (break_invented_nil_row, [(f"{S21}/tables/keyword-counts.csv", 8, "value", "citation")]),
    (break_column_label, [(f"{B}/tables/cms-offenders-under-14.csv", 17, "value", "total-mismatch"),
                          (f"{B}/tables/cms-offenders-under-14.csv", 18, "value", "total-mismatch"),
                          (f"{B}/tables/cms-offenders-under-14.csv", 26, "value", "citation"),
                          (f"{B}/tables/cms-offenders-under-14.csv", 27, "value", "citation")]),
    (break_duplicate_response, [("datapackages/hertfordshire-foi2018-00739/request.yaml", None, "source.sha256", "duplicate-response")]),
    (break_made_up_reference, [("datapackages/hertfordshire-made-up-ref/request.yaml", 12, "reference.value", "reference-not-in-text")]),
    (break_hidden_folder, [("datapackages/.hertfordshire-foi2018-00739", None, "", "hidden-folder")]),
    (break_nul_in_label, [(f"{S21}/tables/keyword-counts.csv", 7, "", "control-character")]),
    (break_header_only_table, [(f"{H}/tables/outcome-21.csv", 1, "", "empty-table")]),
    (break_list_key, [(f"{H}/request.yaml", 3, "", "yaml")]),
    (break_reserved_table_name, [(f"{H}/request.yaml", 155, "tables[0].name", "reserved-name")]),
    (break_duplicate_dimension, [(f"{H}/request.yaml", 181, "tables[1].layout", "layout"),
                                 (f"{H}/request.yaml", 187, "tables[1].dimensions[1].name", "duplicate-id")]),
    (break_nul_in_yaml, [(f"{H}/request.yaml", 56, "", "control-character")]),
    (break_reference_list, [("datapackages/reference", None, "", "reference-list")]),
    (break_topic_outcome_type, [("datapackages/reference", None, "", "reference-list")]),
    (break_unknown_key, [(f"{H}/request.yaml", 24, "colour", "schema")]),
    (break_impossible_date, [(f"{H}/request.yaml", 32, "dates.response.date", "date")]),
    (break_wrong_heading, [(f"{B}/tables/athena-offenders-under-14.csv", n, "value", "citation") for n in (23, 24, 25)]),
    (break_same_line_other_heading, [(f"{B}/tables/cms-offenders-under-14.csv", 8, "value", "citation")]),
    (break_response_date, [(f"{B}/request.yaml", 27, "dates.response.date", "date")]),
    (break_period_end, [(f"{B}/request.yaml", 37, "periods[1].end", "date"),  # and the CMS table now overlaps the Athena one it adds to
                        (f"{B}/request.yaml", 198, "tables[1].sums.group", "sum-group")]),
    (break_summary_number, [(f"{H}/request.yaml", 5, "summary", "claim-not-in-text")]),
    (break_title_month, [(f"{H}/request.yaml", 157, "tables[0].title", "claim-not-in-text")]),
    (break_caveat_quotes_requester, [("datapackages/south-yorkshire-20180075/request.yaml", 97, "caveats[0].quote", "quote-is-request")]),
    (break_answer_quotes_question, [(f"{H}/request.yaml", 75, "questions[2].quote", "quote-is-request")]),
    (break_answer_drops_its_opener, [("datapackages/avon-and-somerset-ours-021c0bf0/request.yaml", 75, "questions[4].quote", "quote-cut")]),
    (break_answer_stops_before_its_figure, [("datapackages/west-midlands-19-15/request.yaml", 39, "questions[0].quote", "quote-cut")]),
    (break_answer_is_one_cell, [("datapackages/northamptonshire-foi-10905-25/request.yaml", 59, "questions[1].quote", "quote-cut")]),
    (break_ambiguous_answer, [(f"{H}/request.yaml", 96, "questions[5].quote", "quote-ambiguous")]),
    (break_answer_line, [(f"{H}/request.yaml", 97, "questions[5].line", "quote-not-found")]),
    (break_layout, [(f"{H}/request.yaml", 181, "tables[1].layout", "layout")]),
]


def problems_of(root: Path) -> list[tuple]:
    """Load the broken copy; every problem as (file, line, field, code)."""
    try:
        load_all(root)
    except BuildFailed as err:
        return [(p.path, p.line, p.field, p.code) for p in err.problems]
    return []


@pytest.mark.parametrize("breakage, expected", CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_input_is_refused_with_its_place_and_code(project, breakage, expected):
    breakage(project)
    assert problems_of(project) == expected


@pytest.mark.parametrize("breakage", [c[0] for c in CASES], ids=[c[0].__name__ for c in CASES])
def test_bad_input_exits_1_without_a_traceback(project, capsys, breakage):
    breakage(project)
    code, err = run(project, capsys)
    assert code == 1
    assert err[-1].endswith("problem(s); the previous build/ is unchanged")
    assert all(line.startswith("error: ") and line.endswith("]") for line in err[:-1])


# A few messages are pinned word for word: the ones a curator meets most.
WORDING = [
    (break_number, [f"error: {H}/tables/figures.csv:3: value: 662 (reported) does not stand on line 65 of response.txt: "
                    "662 is not written on the line: 'Q3 - As detailed above, we cannot provide this figure within cost. The total number "
                    "of offences relating to \"Indecent Images of Children\" during this period was 622. We cannot provide information "
                    "as to the ages of the children involved as this is not always formally recorded.' [citation]"]),
    (break_row_label, [f"error: {S21}/tables/keyword-counts.csv:3: value: 7 (reported) does not stand on line 38 of response.txt: "
                       "the row label 'FACEBOOK' is not on the line: 'SNAPCHAT – 7 Offence' [citation]"]),
    (break_same_line_other_heading, [f"error: {B}/tables/cms-offenders-under-14.csv:8: value: 1 (reported) does not stand on line 43 of "
                                     "response.txt: the row label 'Possessing Prohibited Images Of Children' is not the heading the value "
                                     "stands under: the nearest one above is 'Possession Of An Indecent Or Pseudo Photograph Of A Child' "
                                     "(line 42): '13\\t1\\t\\t1' [citation]"]),
    (break_total, [f"error: {B}/tables/cms-offenders-under-14.csv:19: value: stated total 51 (outcome=UNSOLVED, offence=Take/ Make/Distribute "
                   "Indecent Photographs Or Pseudo Photographs Of Children., offender_age=Total, year=Total; response line 44) but its parts over "
                   "offender_age add up to 52 (response lines 45, 46, 47, 48); if the response really says so, declare it under "
                   "tables[0].mismatches in request.yaml [total-mismatch]",
                   f"error: {B}/tables/cms-offenders-under-14.csv:31: value: stated total 23 (outcome=UNSOLVED, offence=Take/ Make/Distribute "
                   "Indecent Photographs Or Pseudo Photographs Of Children., offender_age=13, year=Total; response line 48) but its parts over "
                   "year add up to 22 (response lines 48); if the response really says so, declare it under tables[0].mismatches in "
                   "request.yaml [total-mismatch]"]),
    (break_alias_bomb, [f"error: {B}/request.yaml:3: YAML anchor &a0 is not allowed; write each value out in full [yaml-alias]"]),
]


@pytest.mark.parametrize("breakage, expected", WORDING, ids=[c[0].__name__ for c in WORDING])
def test_bad_input_gives_exact_error(project, capsys, breakage, expected):
    breakage(project)
    code, err = run(project, capsys)
    assert code == 1
    assert err == expected + [f"build failed: {len(expected)} problem(s); the previous build/ is unchanged"]


def test_alias_bomb_is_refused_fast_and_small(project):
    """9^9 strings if expanded: refused before anything is expanded, in well under a second and 100 MB."""
    import time
    import tracemalloc
    break_alias_bomb(project)
    import shutil
    for other in (project / "datapackages").iterdir():  # time the bomb, not the loading of the other requests
        if other.name not in ("reference", Path(BED).name):
            shutil.rmtree(other)
    tracemalloc.start()
    started = time.perf_counter()
    found = problems_of(project)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [p[3] for p in found] == ["yaml-alias"]
    assert seconds < 1 and peak < 100 * 2**20


def test_symlinked_file_is_never_published(project, capsys):
    break_symlinked_response(project)
    assert run(project, capsys)[0] == 1
    assert not (project / "build/datapackages").exists()


def test_problems_with_and_without_lines_sort_together():
    from scripts.curated.errors import Problem
    items = [Problem("a", 3, "f", "m", "schema"), Problem("a", None, "", "m", "missing-file"), Problem("a", 1, "", "m", "csv")]
    assert [p.line for p in BuildFailed(items).problems] == [None, 1, 3]


def test_every_problem_code_is_documented():
    from scripts.curated.errors import CODES
    codes = {code for _, expected in CASES for *_, code in expected}
    assert codes <= set(CODES)


def snapshot(folder: Path) -> dict[str, bytes]:
    return published(folder)


def test_failed_build_leaves_previous_build_intact(project, capsys):
    assert run(project, capsys)[0] == 0
    before = snapshot(project / "build")
    break_number(project)
    break_quote(project)
    code, err = run(project, capsys)
    assert code == 1 and len(err) == 3
    assert snapshot(project / "build") == before
    assert sorted(p.name for p in (project / "build").iterdir() if not p.name.startswith(".v-")) == [
        ".lock", "current", "datapackages", "site"]
    assert len([p for p in (project / "build").iterdir() if p.name.startswith(".v-")]) == 1


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
    assert rows[0]["note"].startswith("The force's total for UNSOLVED; Take/ Make/Distribute Indecent Photographs Or Pseudo Photographs "
                                      "Of Children. is 51 (line 44); the rows it lists add up to 52 (lines 45, 46, 47, 48).")
    assert rows[0]["note"].endswith("Constructed test case.")


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
