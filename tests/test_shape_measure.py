"""The strict measure of tests/shape_measure.py itself, on stand-in readings: it must fail a reading whose label is
another value's or the table's not at all, and count a repeated row label (two Total rows) by its place."""
from __future__ import annotations

from types import SimpleNamespace

import tests.shape_measure as shape_measure

HEADER = ["Offence", "2019", "2020"]
ROWS = [["Rape", "12", "15"], ["Assault", "30", "28"], ["Total", "42", "43"], ["Total", "84", "86"]]


def _reading(monkeypatch, *rows: tuple) -> tuple:
    table = SimpleNamespace(dims=["offence", "year"], rows=[{"offence": o, "year": y, "value": v, "status": "count",
                                                            "line": 1} for o, y, v in rows])
    monkeypatch.setattr(shape_measure, "extract", lambda _: SimpleNamespace(proposals=[table]))
    return shape_measure.measure("", HEADER, ROWS)


def test_every_value_with_both_labels_right_is_read_once_by_its_place(monkeypatch):
    rows = [(r[0], year, int(v)) for r in ROWS for year, v in zip(HEADER[1:], r[1:])]
    assert _reading(monkeypatch, *rows) == (8, 8, [])


def test_a_value_under_another_values_label_is_wrong(monkeypatch):
    assert _reading(monkeypatch, ("Rape", "2019", 15)) == (0, 8, [("15", ["2019", "Rape"], 1)])


def test_a_value_under_a_label_the_table_does_not_have_is_wrong(monkeypatch):
    assert _reading(monkeypatch, ("Figures", "2019", 12)) == (0, 8, [("12", ["2019", "Figures"], 1)])
    assert _reading(monkeypatch, ("Rape", "2019", 3)) == (0, 8, [("3", ["2019", "Rape"], 1)])
