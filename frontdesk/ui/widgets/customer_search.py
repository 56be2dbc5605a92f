"""A search box with its result list, for dialogs that need the agent to pick a customer."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message

from frontdesk.services.desk import Desk
from frontdesk.services.facades.greeting import GreetingDesk, SearchResults
from frontdesk.ui.background import in_background
from frontdesk.ui.widgets.match_table import MatchTable
from frontdesk.ui.widgets.edit_boxes import TextBox

RESULTS = 8


class CustomerSearch(Vertical):
    """Enter in the box moves to the list; Enter on a row posts Chosen."""

    DEFAULT_CSS = """
    CustomerSearch {
        height: auto;
        & MatchTable { height: auto; max-height: 12; min-height: 3; }
    }
    """

    @dataclass
    class Chosen(Message):
        customer_id: int

    def __init__(self, desk: Desk, placeholder: str, *, exclude: int | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.greeting = GreetingDesk(desk)
        self.placeholder = placeholder
        self.exclude = exclude

    def compose(self) -> ComposeResult:
        yield TextBox(placeholder=self.placeholder, classes="customer-query")
        yield MatchTable(classes="customer-matches")

    @property
    def box(self) -> TextBox:
        return self.query_one(".customer-query", TextBox)

    @on(TextBox.Changed, ".customer-query")
    def find(self, event: TextBox.Changed) -> None:
        """Searched in a worker; a newer keystroke cancels the stale search."""
        event.stop()
        query = event.value
        in_background(self, lambda: self.greeting.search(query, RESULTS, exclude=self.exclude), self.show_results,
                      group="customer-search", exclusive=True)

    def show_results(self, results: SearchResults) -> None:
        if results.query == self.box.value:
            self.query_one(MatchTable).show(list(results.rows), results.query)

    @on(TextBox.Submitted, ".customer-query")
    def to_list(self, event: TextBox.Submitted) -> None:
        event.stop()
        if self.query_one(MatchTable).row_count:
            self.query_one(MatchTable).focus()

    @on(MatchTable.RowSelected)
    def chosen(self, event: MatchTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(int(event.row_key.value)))
