"""Merging two records of one person: find the other record, choose the one that stays."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from frontdesk.services.desk import Desk
from frontdesk.ui.screens.dialogs.confirm import ConfirmScreen
from frontdesk.services.greeting import CustomerSummary, summaries
from frontdesk.services.customers import CustomerNotFound
from frontdesk.services.merge import merge_customers
from frontdesk.services.validation import ValidationError
from frontdesk.services.customer_text import describe
from frontdesk.ui.widgets.customer_search import CustomerSearch


class MergeScreen(ModalScreen[int | None]):
    """Returns the id of the record that stayed, or None when nothing was merged."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="merge.cancel"),
        Binding("1", "keep(0)", "Keep first", show=False, id="merge.keep-first"),
        Binding("2", "keep(1)", "Keep second", show=False, id="merge.keep-second"),
    ]
    AUTO_FOCUS = ".customer-query"

    def __init__(self, desk: Desk, first_id: int) -> None:
        super().__init__()
        self.desk = desk
        self.pair: list[CustomerSummary] = []
        with desk.session() as session:
            self.first = summaries(session, [first_id])[first_id]

    def compose(self) -> ComposeResult:
        with Vertical(id="merge", classes="dialog"):
            yield Static("Merge two records of the same person", classes="dialog-title", markup=False)
            yield Static(Text.assemble(("First record: ", "bold"), describe(self.first)))
            yield CustomerSearch(self.desk, "Find the other record", exclude=self.first.customer_id, id="merge-search")
            yield Static(id="merge-pair", classes="hidden")
            with Horizontal(classes="buttons hidden", id="merge-buttons"):
                yield Button("Keep first (1)", id="keep-0", variant="primary")
                yield Button("Keep second (2)", id="keep-1", variant="primary")

    @on(CustomerSearch.Chosen)
    def chosen(self, event: CustomerSearch.Chosen) -> None:
        other_id = event.customer_id
        with self.desk.session() as session:
            self.pair = [self.first, summaries(session, [other_id])[other_id]]
        text = Text("Which record stays? The other one's history, promises and names move to it.\n", style="bold")
        for number, summary in enumerate(self.pair, start=1):
            text.append(f"\n  {number}. ")
            text.append(describe(summary))
        self.query_one("#merge-pair", Static).update(text)
        self.query_one("#merge-pair").remove_class("hidden")
        self.query_one("#merge-buttons").remove_class("hidden")
        self.query_one("#keep-0", Button).focus()

    @on(Button.Pressed, "#keep-0")
    def keep_first(self) -> None:
        self.action_keep(0)

    @on(Button.Pressed, "#keep-1")
    def keep_second(self) -> None:
        self.action_keep(1)

    def action_keep(self, which: int) -> None:
        if len(self.pair) != 2:
            return
        keep, gone = self.pair[which], self.pair[1 - which]
        question = Text.assemble(
            "Keep ", (keep.name, "bold"), " and merge ", (gone.name, "bold"), " into it?\n",
            "Every interaction, note and promise moves; the other spelling stays findable.",
        )
        self.app.push_screen(ConfirmScreen(question, yes="Merge", no="Go back"), lambda yes: self.merge(yes, keep, gone))

    def merge(self, yes: bool | None, keep: CustomerSummary, gone: CustomerSummary) -> None:
        if not yes:
            return
        try:
            with self.desk.session() as session:
                result = merge_customers(session, keep.customer_id, gone.customer_id, self.desk.agent_id)
                self.desk.directory.follow(session, keep.customer_id)
                self.desk.directory.follow(session, gone.customer_id)
        except (CustomerNotFound, ValidationError) as problem:
            self.notify(f"{problem} Nothing was merged.", severity="error")
            self.dismiss(None)
            return
        self.notify(Text(
            f"Merged: {result.interactions_moved} interactions and {result.promises_moved} promises moved to {keep.name}."
        ))
        self.dismiss(keep.customer_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
