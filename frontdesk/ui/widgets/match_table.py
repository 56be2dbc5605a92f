"""The lookup results: one row per candidate, with what tells look-alikes apart."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from frontdesk.clock.dates import day_month_year, year_words
from frontdesk.lookup import highlight_spans
from frontdesk.services.customer_text import why
from frontdesk.services.phones import shown_phone
from frontdesk.services.greeting import MatchedCustomer
from frontdesk.services.presence import OpenElsewhere
from frontdesk.ui.widgets.column_fit import cut_in_the_middle, fitted_cell, fitted_widths

COLUMNS = ("Name", "Street", "Phone", "Born", "Last visit", "Matched on", "Open at")
SHRINKABLE = (0, 1)
"""Name and Street give way on a narrow terminal, so Phone, Born and Last visit, which tell look-alikes apart,
stay on screen."""
KEEP_VISIBLE = 5
"""Columns that must fit the width: Name, Street, Phone, Born, Last visit."""


def highlighted_name(name: str, query: str) -> Text:
    text = Text(name)
    for start, end in highlight_spans(query, name):
        text.stylize("bold underline", start, end)
    return text


class MatchTable(DataTable):
    """Enter on a row is an explicit choice, so it opens even an ambiguous match."""

    BINDINGS = [Binding("escape", "back_to_query", "Back to typing", show=False, id="matches.back")]

    class MoreWanted(Message):
        """↓ on the last row: the list that holds it may show the next page."""

        def __init__(self, table: MatchTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> MatchTable:
            return self.table

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self._set_columns([[label] for label in COLUMNS])

    def show(self, rows: list[MatchedCustomer], query: str) -> None:
        """Columns are laid out afresh for these rows: a long name shown earlier does not keep Name wide."""
        cells = [self._cells(row, query) for row in rows]
        self.clear(columns=True)
        widths = self._set_columns([[label, *(line[i].plain for line in cells)] for i, label in enumerate(COLUMNS)])
        street = COLUMNS.index("Street")
        for row, line in zip(rows, cells):
            line[street] = fitted_cell(cut_in_the_middle(line[street].plain, widths[street]))
            self.add_row(*line, key=str(row.summary.customer_id))

    def _set_columns(self, texts: list[list[str]]) -> list[int]:
        width = self.size.width or self.app.size.width
        widths = fitted_widths(texts, width, SHRINKABLE, KEEP_VISIBLE, padding=2 * self.cell_padding)
        for label, column_width in zip(COLUMNS, widths):
            self.add_column(label, width=column_width)
        return widths

    @staticmethod
    def _cells(row: MatchedCustomer, query: str) -> list[Text]:
        summary = row.summary
        cells = [
            highlighted_name(summary.name, query),
            Text(summary.street),
            Text(shown_phone(summary.phone)),
            Text(year_words(summary.birth_date) if summary.birth_date else "—"),
            Text(day_month_year(summary.last_visit) if summary.last_visit else "never"),
            Text(why(row.match), style="bold yellow" if row.match.ambiguous else ""),
            open_at_marker(row.open_at),
        ]
        return [fitted_cell(cell) for cell in cells]

    def action_cursor_down(self) -> None:
        if self.row_count and self.cursor_row >= self.row_count - 1:
            self.post_message(self.MoreWanted(self))
        super().action_cursor_down()

    def action_back_to_query(self) -> None:
        """Back to the search box this list belongs to: the Greeting's, or a dialog's."""
        boxes = self.screen.query("#query, .customer-query")
        if boxes:
            boxes.first().focus()


def open_at_marker(entries: tuple[OpenElsewhere, ...]) -> Text:
    """"● Desk 2": another terminal has this customer on screen, so two people do not serve them twice."""
    if not entries:
        return Text("")
    return Text.assemble(("● ", "bold yellow"), ", ".join(entry.desk_name for entry in entries))
