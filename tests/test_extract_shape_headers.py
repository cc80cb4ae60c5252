"""The constructed tables of tests/shapes.py in every layout with their header changed as real responses change it
(no corner cell, a title cell in front, a Total row, a title, question or note line next to the table), measured
strictly (tests/shape_measure.py): no value may carry another value's label or a label the table does not have (a
title word, a question, a note), and each variant's read rate may not fall below its floor in extract_shape_floors.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.extract import extract
from tests.shape_measure import measure
from tests.shapes import NOTES, UNITS, VARIANTS, cases

FLOORS = yaml.safe_load((Path(__file__).parent / "extract_shape_floors.yaml").read_text(encoding="utf-8"))
CHANGED = VARIANTS[1:]
CASES = list(cases(CHANGED))


@pytest.mark.parametrize(("name", "layout", "how", "text", "header", "rows"), CASES, ids=["-".join(c[:3]) for c in CASES])
def test_no_value_under_a_changed_header_carries_a_wrong_or_foreign_label(name, layout, how, text, header, rows):
    assert measure(text, header, rows)[2] == [], text


@pytest.mark.parametrize("how", CHANGED)
def test_each_header_variant_reads_at_least_its_floor(how):
    got = want = 0
    for *_, text, header, rows in cases((how,)):
        g, w, _ = measure(text, header, rows)
        got, want = got + g, want + w
    assert got / want >= FLOORS["headers"][how], f"{how}: {got}/{want} read, floor {FLOORS['headers'][how]:.1%}"


UNDER = [c for c in cases(("unit-below-header", "note-below-header")) if c[1] in ("tab", "pipe", "csv", "spaced", "runs")]


@pytest.mark.parametrize(("name", "layout", "how", "text", "header", "rows"), UNDER, ids=["-".join(c[:3]) for c in UNDER])
def test_a_unit_or_note_line_under_the_header_is_skipped_and_reported(name, layout, how, text, header, rows):
    """The line between the header and the rows is reported as skipped, and the table under it reads as it reads
    without the line."""
    lines = text.split("\n")
    under = next(n for n, line in enumerate(lines, start=1) if line in UNITS + NOTES)
    assert [n for n, _ in extract(text.encode()).skipped] == [under]
    plain = "\n".join(lines[: under - 1] + lines[under:])
    assert measure(text, header, rows) == measure(plain, header, rows), text
