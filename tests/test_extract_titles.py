"""A title cell in front of a header (one cell longer than its rows) is read as a title only when the next cell heads
the row labels; otherwise a title in front and a heading with no values cannot be told apart, and nothing is proposed."""
from __future__ import annotations

from scripts.extract import extract
from scripts.extract.titles import title_cell

FIXTURE = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n{}\n\nEnd of response.\n"


def _read(body: str) -> dict:
    result = extract(FIXTURE.format(body).encode())
    return {(row["offence"], row["year"]): row["value"] for t in result.proposals if "year" in t.dims for row in t.rows}


def test_a_title_in_front_of_the_row_label_heading_is_a_caption_in_every_separated_layout():
    for sep in ("\t", ",", " | "):
        got = _read("\n".join(sep.join(r) for r in (["Recorded crimes", "Offence", "2019", "2020"],
                                                     ["Rape", "12", "15"], ["Assault", "30", "28"])))
        assert got == {("Rape", "2019"): 12, ("Rape", "2020"): 15, ("Assault", "2019"): 30, ("Assault", "2020"): 28}, sep


def test_a_longer_header_without_a_row_label_heading_second_is_refused():
    result = extract(FIXTURE.format("\n".join("\t".join(r) for r in (["Offence", "2018", "2019", "2020"],
                                                                       ["Rape", "12", "15"], ["Assault", "30", "28"]))).encode())
    assert not any(t.rows for t in result.tables)
    assert any("a title cell in front" in u for u in result.unread)


def test_title_rule():
    assert title_cell(["Figures", "Offence", "2019", "2020"], 3) == "Figures"
    assert title_cell(["Figures", "", "2019", "2020"], 3) == "Figures"
    assert title_cell(["Offence", "Rape", "2019", "2020"], 3) is None  # the first cell heads the labels
    assert title_cell(["Figures", "2018", "2019", "2020"], 3) is None  # a year second: a heading at the end may be spare
    assert title_cell(["Figures", "Offence", "2019"], 3) is None  # not one cell longer
