"""The lookup results: one row per candidate, with what tells look-alikes apart."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from frontdesk.clock.dates import day_month_year, year_words
from frontdesk.lookup import highlight_spans
from frontdesk.services.greeting import MatchedCustomer
from frontdesk.services.customer_text import masked_phone, why
from frontdesk.services.presence import OpenElsewhere


def highlighted_name(name: str, query: str) -> Text:
    text = Text(name)
    for start, end in highlight_spans(query, name):
        text.stylize("bold underline", start, end)
    return text


class MatchTable(DataTable):
    """Enter on a row is an explicit choice, so it opens even an ambiguous match."""

    BINDINGS = [Binding("escape", "back_to_query", "Back to typing", show=False, id="matches.back")]

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_columns("Name", "Street", "Phone", "Born", "Last visit", "Matched on", "Open at")

    def show(self, rows: list[MatchedCustomer], query: str) -> None:
        self.clear()
        for row in rows:
            summary = row.summary
            warn = "bold yellow" if row.match.ambiguous else ""
            self.add_row(
                highlighted_name(summary.name, query),
                Text(summary.street),
                Text(masked_phone(summary.phone)),
                Text(year_words(summary.birth_date) if summary.birth_date else "—"),
                Text(day_month_year(summary.last_visit) if summary.last_visit else "never"),
                Text(why(row.match), style=warn),
                open_at_marker(row.open_at),
                key=str(summary.customer_id),
            )

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
