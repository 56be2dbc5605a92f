"""Merging two records of one person: find the other record, choose the one that stays."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Static

from frontdesk.services.customer_text import describe
from frontdesk.services.desk import Desk
from frontdesk.services.facades.customer_records import CustomerRecords
from frontdesk.services.greeting import CustomerSummary
from frontdesk.services.merge import MergeResult
from frontdesk.services.validation import ValidationError
from frontdesk.ui.background import in_background
from frontdesk.ui.screens.dialogs.confirm import ConfirmScreen
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.customer_search import CustomerSearch


class MergeScreen(FormDialog[int | None]):
    """Returns the id of the record that stayed, or None when nothing was merged."""

    BINDINGS = [
        Binding("1", "keep(0)", "Keep first", show=False, id="merge.keep-first"),
        Binding("2", "keep(1)", "Keep second", show=False, id="merge.keep-second"),
    ]
    DIALOG_ID = "merge"
    DIALOG_TITLE = "Merge two records of the same person"
    AUTO_FOCUS = ".customer-query"

    def __init__(self, desk: Desk, first_id: int) -> None:
        super().__init__(desk)
        self.records = CustomerRecords(desk)
        self.first_id = first_id
        self.pair: list[CustomerSummary] = []
        self.keep = 0
        """Which of the pair stays: 0 the first record, 1 the one found."""

    def compose_form(self) -> ComposeResult:
        yield Static(id="merge-first")
        yield CustomerSearch(self.desk, "Find the other record", exclude=self.first_id, id="merge-search")
        yield Static(id="merge-pair", classes="hidden")
        with Horizontal(classes="buttons hidden", id="merge-buttons"):
            yield Button("Keep first (1)", id="keep-0", variant="primary")
            yield Button("Keep second (2)", id="keep-1", variant="primary")

    def load(self) -> CustomerSummary:
        return self.records.summary(self.first_id)

    def show_loaded(self, first: CustomerSummary) -> None:
        self.pair = [first]
        self.query_one("#merge-first", Static).update(Text.assemble(("First record: ", "bold"), describe(first)))

    @on(CustomerSearch.Chosen)
    def chosen(self, event: CustomerSearch.Chosen) -> None:
        other_id = event.customer_id
        in_background(self, lambda: self.records.summary(other_id), self.show_pair, failed=self.show_error, group="merge-other")

    def show_pair(self, other: CustomerSummary) -> None:
        if not self.pair:
            return  # the first record is still being read
        self.pair = [self.pair[0], other]
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
        self.app.push_screen(ConfirmScreen(question, yes="Merge", no="Go back"), lambda yes: self.confirmed(yes, which))

    def confirmed(self, yes: bool | None, which: int) -> None:
        if yes:
            self.keep = which
            self.action_save()

    def collect(self) -> tuple[CustomerSummary, CustomerSummary]:
        if len(self.pair) != 2:
            raise ValueError("Find the other record first, then choose which one stays (1 or 2).")
        return self.pair[self.keep], self.pair[1 - self.keep]

    def save(self, values: tuple[CustomerSummary, CustomerSummary]) -> tuple[MergeResult, str]:
        keep, gone = values
        return self.records.merge(keep.customer_id, gone.customer_id), keep.name

    def saved(self, result: tuple[MergeResult, str]) -> None:
        merged, name = result
        self.notify(Text(f"Merged: {merged.interactions_moved} interactions and {merged.promises_moved} promises moved to {name}."))
        self.dismiss(merged.kept_id)

    def show_error(self, problem: Exception | str | None) -> None:
        """A merge refused (a record merged or erased at another desk meanwhile) says nothing was merged."""
        if isinstance(problem, ValidationError):
            problem = f"{problem} Nothing was merged."
        super().show_error(problem)
