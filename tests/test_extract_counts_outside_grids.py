"""Constructed families of counts outside grids, each rendered in several variants: month or year pairs on one line,
`YEAR – N` lists, two values on a line with what each counts in brackets, `Label: N` lines and bulleted answers,
counts in sentences among dates, postcodes, money and legal sections. No value may be proposed under another value's
label, nothing that is not a value may be proposed, and each family keeps a read rate (values proposed with their own
label) at or above its floor in extract_outside_grids_floors.yaml, which may only rise."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThank you for your request. The figures are below.\n\n"
FLOORS = yaml.safe_load((Path(__file__).parent / "extract_outside_grids_floors.yaml").read_text())
SETS = [
    [("2019", "12"), ("2020", "15"), ("2021", "9")],
    [("2018", "104"), ("2019", "97"), ("2020", "131"), ("2021", "88")],
    [("2016", "3"), ("2017", "0"), ("2018", "7")],
]
MONTHS = [[("Jan", "4"), ("Feb", "9"), ("Mar", "2")], [("January", "14"), ("February", "11"), ("March", "6"), ("April", "8")]]
WORDS = [[("Male", "40"), ("Female", "54")], [("Charged", "12"), ("Cautioned", "6"), ("No further action", "31")],
         [("Niche", "41"), ("Athena", "17")], [("Online", "23"), ("In person", "8"), ("By telephone", "15")]]


FORMS = (  # how each family writes its pairs: a lead, the cell, what joins cells (and the last one), an end
    (SETS, {"years-dash-line": {}, "years-hyphen-line": {"sep": " ", "cell": "{} - {}"},
            "years-colon-line": {"cell": "{}: {}"}, "years-dash-list": {"sep": "\n"},
            "years-colon-list": {"sep": "\n", "cell": "{}: {}"}, "years-bulleted": {"sep": "\n", "cell": "• {} - {}"},
            "years-in-sentence": {"lead": "In ", "cell": "{} there were {} offences", "end": "."},
            "years-answer-sentence": {"lead": "Answer: ", "last": " and ", "end": "."},
            "counts-in-years": {"lead": "There were ", "cell": "{1} in {0}", "last": " and ", "end": "."},
            "years-after-a-lead": {"lead": "The figures by year: "}, "years-o-bulleted": {"sep": "\n", "cell": "o {}: {}"},
            "years-bracketed": {"cell": "{} ({})"}, "counts-bracketed-years": {"lead": "Answer: ", "cell": "{1} ({0})"},
            "years-after-question-dash": {"lead": "Q3 – ", "cell": "{}: {}"}}),
    (MONTHS, {"months-numbered-line": {"lead": "2: ", "sep": " - ", "cell": "{} - {}"}, "months-dash-line": {},
              "months-colon-list": {"sep": "\n", "cell": "{}: {}"}}),
    (WORDS, {"label-colon-list": {"sep": "\n", "cell": "{}: {}"}, "label-colon-line": {"sep": " ", "cell": "{}: {}"},
             "bracketed-line": {"sep": " ", "cell": "{1} ({0})"}, "bulleted-colon": {"sep": "\n", "cell": "- {}: {}"},
             "label-dash-list": {"sep": "\n", "cell": "{} - {}"}}),
)


def _write(pairs, lead="", cell="{} – {}", sep=", ", last=None, end=""):
    """One family's text of a set of (label, count) pairs."""
    cells = [cell.format(a, b) for a, b in pairs]
    return lead + (sep.join(cells) if last is None else sep.join(cells[:-1]) + last + cells[-1]) + end


def _families():
    return {f"{name}-{k}": (_write(s, **form), s) for sets, forms in FORMS for name, form in forms.items()
            for k, s in enumerate(sets)}


FAMILIES = _families()
SENTENCES = {  # counts in sentences among not-data numbers: (text, [(label words, count)])
    "among-dates": ("Between 1 April 2019 and 31 March 2020 there were 27 offences recorded.", [("offences", "27")]),
    "among-dates-2": ("On 14/02/2021 we held 12 records of this kind.", [("records", "12")]),
    "among-postcodes": ("The 14 incidents took place near Leeds LS1 4HJ. There were 9 arrests at the scene.",
                        [("arrests", "9")]),
    "among-money": ("The cost of £4,500 covered 16 investigations, and 3 arrests were made.",
                    [("investigations", "16"), ("arrests", "3")]),
    "among-sections": ("Under section 40(2) we withheld 2 names. There were 35 offences under s.1 of the Act.",
                       [("offences", "35")]),
    "among-references": ("Further to FOI 2021/1755, there were 18 reports in 2020.", [("reports", "18")]),
    "among-times": ("Officers attended 44 incidents between 10:00 and 14:00 on 3 May 2021.", [("incidents", "44")]),
    "among-percent": ("There were 120 offences, 45% of which involved a child.", [("offences", "120")]),
}
NOT_COUNTS = {  # money and shares among counts: never proposed as counts
    "money": "The total cost was £12,340 and 45 officers attended.",
    "percent": "Of 200 arrests, 45% (90) led to a charge.",
    "per-cent": "Recorded crime rose by 12 per cent to 340 offences.",
    "money-list": "Overtime: £1,234\nTravel: £567",
    "percent-list": "Charged: 12%\nCautioned: 45%",
}


def test_a_total_stated_before_a_line_of_pairs_that_disagrees_is_reported_with_both_numbers():
    for lead in ("There were 45 offences in total: ", "A total of 45 offences were recorded. "):
        result = extract((HEAD + lead + "2019 – 12, 2020 – 15, 2021 – 9.\n").encode())
        (checks,) = result.totals.values()
        assert [(c.stated, c.parts_sum, c.agrees) for c in checks] == [(45, 36, False)]
        assert [(r["year"], r["value"]) for t in result.tables for r in t.rows] == [("2019", 12), ("2020", 15), ("2021", 9)]
    agreeing = extract((HEAD + "There were 36 offences in total: 2019 – 12, 2020 – 15, 2021 – 9.\n").encode())
    assert [(c.stated, c.parts_sum, c.agrees) for c in next(iter(agreeing.totals.values()))] == [(36, 36, True)]


def _read(text: str):
    return [(str(row["value"]), {str(row[d]) for d in t.dims}) for t in extract((HEAD + text + "\n").encode()).proposals
            for row in t.rows if row["status"] != "blank"]


def measure(text: str, pairs: list[tuple[str, str]]) -> tuple[int, list, list]:
    """(values read with their own label, values proposed under another value's label, proposals that are no value)."""
    right, wrong, false = 0, [], []
    labels = {a for a, _ in pairs}
    for value, got in _read(text):
        own = [a for a, b in pairs if b == value]
        if not own:
            false.append((value, got))
        elif any(a.lower() in {g.strip().lower() for g in got} for a in own) and not (got & labels - set(own)):
            right += 1
        else:
            wrong.append((value, sorted(got)))
    return right, wrong, false


def _kind(name: str) -> str:
    return name.rsplit("-", 1)[0]


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_no_value_outside_a_grid_is_proposed_under_another_values_label(name):
    text, pairs = FAMILIES[name]
    _, wrong, false = measure(text, pairs)
    assert (wrong, false) == ([], []), text


@pytest.mark.parametrize("kind", sorted({_kind(n) for n in FAMILIES}))
def test_each_family_keeps_its_read_rate(kind):
    names = [n for n in FAMILIES if _kind(n) == kind]
    right = sum(measure(*FAMILIES[n])[0] for n in names)
    total = sum(len(FAMILIES[n][1]) for n in names)
    assert round(100 * right / total, 1) >= FLOORS[kind], f"{kind}: {right}/{total}"


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_a_count_in_a_sentence_among_dates_postcodes_money_and_sections(name):
    text, pairs = SENTENCES[name]
    values = [v for v, _ in _read(text)]
    assert sorted(values) == sorted(b for _, b in pairs), text


@pytest.mark.parametrize("name", sorted(NOT_COUNTS))
def test_money_and_shares_are_never_proposed_as_counts(name):
    import re
    reported = " ".join(why for _, why in extract((HEAD + NOT_COUNTS[name] + "\n").encode()).not_data)
    for amount in re.findall(r"£([\d,]+)|(\d+)(?:%| per cent)", NOT_COUNTS[name]):
        assert "".join(amount) in reported, (amount, reported)  # reported, on a line read or not
    values = [v for v, _ in _read(NOT_COUNTS[name])]
    assert not any(v in NOT_COUNTS[name].replace(",", "") and (f"£{v}" in NOT_COUNTS[name].replace(",", "")
                                                               or f"{v}%" in NOT_COUNTS[name]) for v in values), values


def test_a_count_in_a_sentence_carries_the_one_year_of_its_clause_never_a_years_of_a_date():
    rows = [{k: r[k] for k in t.dims} | {"value": r["value"]} for t in
            extract((HEAD + "In 2019 there were 12 offences, in 2020 there were 15 offences.\n"
                     "In March 2024 there were 41 offences.\nBetween 2018 and 2020 there were 9 arrests.\n").encode()).prose
            for r in t.rows]
    assert rows == [{"measure": "offences", "year": "2019", "value": 12}, {"measure": "offences", "year": "2020", "value": 15},
                    {"measure": "offences", "value": 41}, {"measure": "arrests", "value": 9}]


YEAR_SENTENCES = {  # a count in a sentence with years about: (text, {value: its year, or None when none is carried})
    "years-after-counts": ("Officers made 120 arrests (2019) and 98 arrests (2020).", {120: None, 98: None}),
    "financial-years-run": ("The force recorded 45 offences in 2019/20, 38 in 2020/21 and 51 in 2021/22.",
                            {45: "2019/20", 38: "2020/21", 51: "2021/22"}),
    "year-opens-each-clause": ("In 2019 there were 12 offences, and in 2020 there were 15.", {12: "2019", 15: None}),
    "two-subjects": ("Niche holds 41 records and Athena holds 17 records.", {41: None, 17: None}),
}


@pytest.mark.parametrize("name", sorted(YEAR_SENTENCES))
def test_a_count_in_a_sentence_never_carries_another_counts_year_or_subject(name):
    text, want = YEAR_SENTENCES[name]
    got = {r["value"]: r.get("year") for t in extract((HEAD + text + "\n").encode()).proposals for r in t.rows}
    assert got == want
    labels = [str(r[d]) for t in extract((HEAD + text + "\n").encode()).proposals for r in t.rows for d in t.dims]
    assert not any("Athena" in x and "records" in x for x in labels)  # 41's words stop before the next subject
    assert not any("offences" in x and "2020" in x for x in labels)  # 12's words stop before the next clause's year


FILLERS = ["on 12 March 2021", "between 1 April 2019 and 31 March 2020", "in Leeds LS1 4HJ", "under section 40(2)",
           "under s.15A of the Sexual Offences Act 2003", "at a cost of £4,500", "(reference FOI 2021/1755)", "at 14:30",
           "in the 2019/20 financial year", "during 2020", "within 20 working days", "at 12 High Street"]
PHRASES = [("there were {n} offences recorded", "offences"), ("the force recorded {n} crimes", "crimes"),
           ("{n} arrests were made", "arrests"), ("we hold {n} records", "records"), ("{n} people were charged", "people")]
AMONG = [(p, noun, n, f, where) for p, noun in PHRASES for n in (7, 23, 145) for f in FILLERS for where in ("before", "after")]


def test_counts_in_sentences_among_dates_postcodes_money_sections_and_references_keep_their_floor():
    """360 sentences: a count phrase with a not-data phrase before or after it. Every count's own value only, never a
    number of the other phrase; read with its noun at least at the floor."""
    right = 0
    for phrase, noun, n, filler, where in AMONG:
        body = phrase.format(n=n)
        text = f"{filler[0].upper()}{filler[1:]}, {body}." if where == "before" else f"{body[0].upper()}{body[1:]} {filler}."
        rows = [(r["value"], " ".join(str(r[d]) for d in t.dims)) for t in extract((HEAD + text + "\n").encode()).proposals
                for r in t.rows]
        assert all(v == n for v, _ in rows), text
        right += any(noun in label for _, label in rows)
    assert round(100 * right / len(AMONG), 1) >= FLOORS["counts-among-not-data"]
