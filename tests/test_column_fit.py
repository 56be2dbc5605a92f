"""A text cut to a column's width keeps both its ends."""

from __future__ import annotations

from hypothesis import given, strategies as st
from rich.cells import cell_len

from frontdesk.ui.widgets.column_fit import cut_in_the_middle


def test_a_street_keeps_its_number_first_or_last() -> None:
    assert cut_in_the_middle("خیابان کریمخان، پلاک ۲۱۱", 16) == "خیابان …پلاک ۲۱۱"
    assert cut_in_the_middle("Οδός Ερμού 12", 10) == "Οδός…ού 12"
    assert cut_in_the_middle("12 Jackson Avenue", 12) == "12 Jackson Avenue"  # the cell ends it in "…": "12 Jackson…"
    assert cut_in_the_middle("12 Jackson Avenue", 40) == "12 Jackson Avenue"


@given(st.text(), st.integers(min_value=1, max_value=40))
def test_a_cut_text_fits_and_keeps_a_beginning_and_an_end_of_the_text(text: str, width: int) -> None:
    cut = cut_in_the_middle(text, width)
    assert cell_len(cut) <= width or cut == text
    assert cut == text or any(char.isdigit() for char in text.split()[-1])  # only a text ending in a number is cut here
    if cut != text:
        assert any(cut[at] == "…" and text.startswith(cut[:at]) and text.endswith(cut[at + 1:]) for at in range(len(cut)))
