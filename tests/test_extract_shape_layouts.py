"""The same constructed tables (tests/shapes.py) in each of the nine layouts the extractor reads, measured strictly
(tests/shape_measure.py): no value may carry another value's label or a label the table does not have, and each
layout's read rate (values with both labels right) may not fall below its floor in extract_shape_floors.yaml, which
may only rise. A table may be refused (reported) or read without a heading it has; it may never be read wrong."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.shape_measure import measure
from tests.shapes import LAYOUTS, cases

FLOORS = yaml.safe_load((Path(__file__).parent / "extract_shape_floors.yaml").read_text(encoding="utf-8"))
CASES = list(cases(("as-is",)))


@pytest.mark.parametrize(("name", "layout", "how", "text", "header", "rows"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_no_value_in_any_layout_carries_a_wrong_or_foreign_label(name, layout, how, text, header, rows):
    assert measure(text, header, rows)[2] == [], text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_reads_at_least_its_floor(layout):
    """Over a fixed set of tables and header variants (one added later would move what the floor measures)."""
    got = want = 0
    for name, lay, _, text, header, rows in cases(FLOORS["layout_variants"]):
        if lay == layout and name in FLOORS["layout_tables"]:
            g, w, _ = measure(text, header, rows)
            got, want = got + g, want + w
    assert got / want >= FLOORS["layouts"][layout], f"{layout}: {got}/{want} read, floor {FLOORS['layouts'][layout]:.1%}"
