"""Every proposed table names its dimensions from the shared vocabulary, so no label is lost in the combined tables."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.extract import extract
from scripts.extract.vocab import VOCABULARY, dimension

from .conftest import ROOT

TEXTS = sorted((Path(__file__).parent / "fixtures" / "extract").glob("*.txt")) + \
    sorted((ROOT / "datapackages").glob("*/response.txt")) + sorted((ROOT / "tests" / "corpus" / "tune").glob("*/response.txt"))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.parent.name if p.name == "response.txt" else p.stem)
def test_every_dimension_of_every_proposal_is_in_the_vocabulary(path):
    for table in extract(path.read_bytes()).proposals:
        assert set(table.dims) <= set(VOCABULARY), (table.name, table.dims)


def test_names_come_from_the_labels_then_the_heading_else_category_or_measure():
    assert dimension("Crime outcome", ["Charged", "Caution"], "row") == "outcome"
    assert dimension("Year Nationality", ["Iran", "Iraq"], "row") == "category"  # the heading's "year" is not what the labels are
    assert dimension(None, ["2019", "2020/21"], "column") == "year"
    assert dimension(None, ["Under 10", "10-17", "18+"], "row") == "age"
    assert dimension(None, ["Arrests", "Charges"], "column") == "measure"
    assert dimension("Ethnicity", ["Asian", "Black"], "row", ["category"]) == "ethnicity"
    assert dimension(None, ["a", "b"], "row", ["category"]) == "measure"


def test_spans_of_months_or_dates_name_a_period():
    """Rows labelled 'April 2020 – March 2021' are periods, whatever the heading above them says (before: 'offence',
    from a caption 'Crimes recorded')."""
    assert dimension("Crimes recorded", ["April 2020 – March 2021", "April 2021 – March 2022"], "row") == "period"
    assert dimension(None, ["01/04/23 to 31/03/24", "01/04/24 to 16/10/24"], "row") == "period"
    assert dimension(None, ["Q1 2020", "Q2 2020"], "row") == "period"
