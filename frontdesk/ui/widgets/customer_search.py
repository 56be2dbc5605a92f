"""A search box with its result list, for dialogs that need the agent to pick a customer."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from frontdesk.services.desk import Desk
from frontdesk.services.greeting import matched_customers
from frontdesk.ui.widgets.match_table import MatchTable


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
        self.desk = desk
        self.placeholder = placeholder
        self.exclude = exclude

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.placeholder, classes="customer-query")
        yield MatchTable(classes="customer-matches")

    @property
    def box(self) -> Input:
        return self.query_one(".customer-query", Input)

    @on(Input.Changed, ".customer-query")
    def find(self, event: Input.Changed) -> None:
        event.stop()
        matches = [m for m in self.desk.directory.search(event.value, limit=8) if m.customer_id != self.exclude]
        with self.desk.reading() as session:
            rows = matched_customers(session, matches)
        self.query_one(MatchTable).show(rows, event.value)

    @on(Input.Submitted, ".customer-query")
    def to_list(self, event: Input.Submitted) -> None:
        event.stop()
        if self.query_one(MatchTable).row_count:
            self.query_one(MatchTable).focus()

    @on(MatchTable.RowSelected)
    def chosen(self, event: MatchTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(int(event.row_key.value)))
