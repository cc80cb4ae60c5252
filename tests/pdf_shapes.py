"""Constructed tables in the shapes PDF letters saved as text leave them in, as families of tables x variants: each
case is (family, id, text, header, rows). Not a test module: tests/test_extract_pdf_shapes.py measures the families."""
from __future__ import annotations

FIXTURE = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nDear requester,\n\nThe figures are below.\n\n{}\n\nYours sincerely\n"

# Tables whose column headings are several words each (they wrap in a narrow PDF column).
WORDY = {
    "staff": (["Year", "Number of officers", "Number of police staff", "Number of volunteers"],
              [["2018", "1,204", "312", "45"], ["2019", "1,250", "298", "51"], ["2020", "1,302", "305", "38"]]),
    "offences": (["Offence", "Recorded crimes", "Crimes with a suspect", "Suspects charged"],
                 [["Rape of a child", "41", "30", "12"], ["Sexual assault", "88", "61", "20"]]),
    "stops": (["Financial year", "Stop and search", "Arrests made"],
              [["2019/20", "540", "61"], ["2020/21", "602", "70"], ["2021/22", "488", "52"]]),
}
# Year rows under a header on one line, single spaces: columns of one word, or of words that group into N labels one way.
YEAR_ROWS = {
    "one-word": (["Year", "Received", "Completed", "Overdue"], [["2018", "1200", "1100", "100"], ["2019", "1300", "1250", "50"],
                                                                 ["2020", "1412", "1390", "22"]]),
    "number-of": (["Year", "Number of arrests", "Number of charges"], [["2019", "412", "120"], ["2020", "398", "131"],
                                                                        ["2021", "405", "119"]]),
    "repeated-word": (["Year", "Cases referred", "Cases closed"], [["2019", "41", "30"], ["2020", "52", "47"]]),
    "two-ways": (["Year", "Referred to CPS", "Charged"], [["2019", "41", "30"], ["2020", "52", "47"]]),  # words alone cannot split it
}
# Label-count tables whose rows run together on one line.
RUN_ON = {
    "outcomes": (["Outcome", "Number"], [["Charged", "1234"], ["Cautioned", "5678"], ["No further action", "90"],
                                        ["Community resolution", "12"]]),
    "platforms": (["Platform", "Offences"], [["Snapchat", "41"], ["Instagram", "17"], ["Facebook", "9"]]),
}
# Cross-tabs whose empty cells vanished.
CROSS = {
    "years": (["Offence", "2019", "2020", "2021"], [["Rape", "12", "", "9"], ["Sexual assault", "30", "28", "33"],
                                                    ["Grooming", "", "4", ""]]),
    "genders": (["Age", "Male", "Female", "Unknown"], [["Under 10", "3", "5", ""], ["10-17", "12", "15", "1"],
                                                      ["18 and over", "30", "28", "2"]]),
}
# Tables broken by page furniture.
PAGED = {
    "years": (["Offence", "2019", "2020", "2021"], [["Rape", "12", "15", "9"], ["Sexual assault", "30", "28", "33"],
                                                    ["Grooming", "4", "6", "2"], ["Indecent images", "51", "60", "44"]]),
    "outcomes": (["Outcome", "Number"], [["Charged", "14"], ["Cautioned", "6"], ["No further action", "31"],
                                        ["Community resolution", "3"]]),
}
FURNITURE = {
    "page-of": ["Page 1 of 2"],
    "letter-header": ["Page 1 of 2", "", "OFFICIAL", "Freedom of Information Request 2024/0123"],
    "reference": ["Our ref: FOI 2024-0123", "Page 2"],
    "running-head": ["Page 1 of 2", "", "Northshire Police", "Information Rights Unit"],  # also at the top of page 1
}


def _aligned(cells: list[list[str]], gap: int = 4) -> list[str]:
    widths = [max(len(r[k]) for r in cells) + gap for k in range(len(cells[0]))]
    return [(r[0].ljust(widths[0]) + "".join(c.ljust(widths[k]) for k, c in enumerate(r) if k)).rstrip() for r in cells]


def _wrap(label: str, lines: int) -> list[str]:
    words = label.split()
    per = -(-len(words) // lines)
    return [" ".join(words[k * per:(k + 1) * per]) for k in range(lines)]


def wordy_cases():
    for name, (header, rows) in WORDY.items():
        for lines in (2, 3):
            heads = [_wrap(h, lines) for h in header[1:]]
            top = [[header[0] if k == lines - 1 else ""] + [h[k] for h in heads] for k in range(lines)]
            aligned = _aligned(top + rows)
            yield "wrapped-header", f"{name}-{lines}-aligned", "\n".join(aligned), header, rows
            single = [" ".join(c for c in r if c) for r in top + rows]
            yield "wrapped-header", f"{name}-{lines}-single", "\n".join(single), header, rows


def year_rows_cases():
    for name, (header, rows) in YEAR_ROWS.items():
        text = "\n".join(" ".join(r) for r in [header] + rows)
        yield "year-rows", name, text, header, rows
        yield "year-rows", f"{name}-blank-line", "\n".join(" ".join(r) for r in [header]) + "\n\n" + \
            "\n".join(" ".join(r) for r in rows), header, rows


def run_on_cases():
    for name, (header, rows) in RUN_ON.items():
        flat = " ".join(f"{a} {b}" for a, b in rows)
        yield "run-on", f"{name}-headed", f"{header[0]} {header[1]}\n{flat}", header, rows
        yield "run-on", f"{name}-header-same-line", f"{header[0]} {header[1]} {flat}", header, rows
        yield "run-on", f"{name}-bare", flat, [header[0], ""], rows
        half = len(rows) // 2
        two = " ".join(f"{a} {b}" for a, b in rows[:half]) + "\n" + " ".join(f"{a} {b}" for a, b in rows[half:])
        yield "run-on", f"{name}-two-lines", f"{header[0]} {header[1]}\n{two}", header, rows


def cross_cases():
    for name, (header, rows) in CROSS.items():
        yield "vanished-cells", f"{name}-single", "\n".join(" ".join(c for c in r if c) for r in [header] + rows), header, rows
        yield "vanished-cells", f"{name}-run-on", " ".join(header) + " " + " ".join(" ".join(c for c in r if c) for r in rows), \
            header, rows
        yield "vanished-cells", f"{name}-two-spaces", "\n".join("  ".join(c for c in r if c) for r in [header] + rows), header, rows


def _render(layout: str, header: list[str], part: list[list[str]], head: bool = True) -> list[str]:
    cells = ([header] if head else []) + part
    if layout == "aligned":
        return _aligned([header] + part)[(0 if head else 1):]
    if layout == "tab":
        return ["\t".join(r) for r in cells]
    return [" ".join(r) for r in cells]


def paged_cases():
    for name, (header, rows) in PAGED.items():
        for how, marks in FURNITURE.items():
            for repeat in (False, True):
                for layout in ("aligned", "single", "tab"):
                    half = len(rows) // 2
                    lines = _render(layout, header, rows[:half]) + [""] + marks + [""] + \
                        _render(layout, header, rows[half:], head=repeat)
                    if how == "running-head":  # the letter's running head stands on every page
                        lines = marks[2:] + [""] + lines
                    yield "page-furniture", f"{name}-{how}-{'repeated' if repeat else 'once'}-{layout}", "\n".join(lines), \
                        header, rows


def interleaved_cases():
    """Two page columns interleaved line by line: the left table's lines and the right table's alternate."""
    left, right = PAGED["years"], CROSS["genders"]
    for layout in ("single", "aligned"):
        a = _render(layout, left[0], left[1][:3])
        b = _render(layout, right[0], right[1])
        lines = [x for pair in zip(a, b) for x in pair]
        for name, (header, rows) in (("left", (left[0], left[1][:3])), ("right", right)):
            yield "interleaved", f"{name}-{layout}", "\n".join(lines), header, rows


FAMILIES = {"wrapped-header": wordy_cases, "year-rows": year_rows_cases, "run-on": run_on_cases,
            "vanished-cells": cross_cases, "page-furniture": paged_cases, "interleaved": interleaved_cases}


def cases():
    """Every case of every family."""
    for make in FAMILIES.values():
        yield from make()
