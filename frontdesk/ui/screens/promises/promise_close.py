"""Closing a promise: kept with a note, or, when it slipped, with the apology given and a make-good."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static

from frontdesk.services.desk import Desk
from frontdesk.services.facades.promises import PromiseBook
from frontdesk.services.goodwill import GoodwillRequest
from frontdesk.services.money import shown_money
from frontdesk.services.promise_conflicts import SeenPromise
from frontdesk.services.promise_rows import PromiseRow
from frontdesk.services.validation import ValidationError
from frontdesk.ui.screens.call.goodwill import GoodwillScreen
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox
from frontdesk.ui.widgets.promise_text import customer_said


@dataclass(frozen=True)
class Closing:
    seen: SeenPromise
    note: str
    late: bool
    apology: str = ""
    make_good: str = ""


class ClosePromiseScreen(FormDialog[bool]):
    """An overdue promise asks for the apology and the make-good; Ctrl+G adds goodwill to the make-good."""

    DEFAULT_CSS = "ClosePromiseScreen #close-late { height: auto; }"
    BINDINGS = [Binding("ctrl+g", "goodwill", "Goodwill", id="close.goodwill", priority=True, tooltip="Draw goodwill for the make-good")]
    DIALOG_TITLE = "Close a promise"
    CANCELLED = False
    AUTO_FOCUS = "Input"

    def __init__(self, desk: Desk, row: PromiseRow) -> None:
        super().__init__(desk)
        self.row, self.book = row, PromiseBook(desk)
        self.late = False
        """Whether it slipped, as the desk says now rather than as listed: it may have fallen due since."""
        self.goodwill: GoodwillRequest | None = None
        """The goodwill asked for the make-good: drawn only when the close is saved, with it."""

    def compose_form(self) -> ComposeResult:
        yield Static(Text.assemble((customer_said(self.row), "bold"), ": ", self.row.what))
        yield Vertical(id="close-late")
        yield Label("Note (optional)", markup=False)
        yield TextBox(id="close-note")
        yield Static("Ctrl+S saves; Escape cancels.", markup=False)

    def load(self) -> bool:
        return self.book.is_late(self.row.seen)

    def show_loaded(self, late: bool) -> None:
        self.query_one(".dialog-title", Static).update("Close a promise that slipped" if late else "Mark the promise kept")
        if late:
            self.ask_for_apology()

    def ask_for_apology(self) -> None:
        if self.late:
            return
        self.late = True
        self.query_one("#close-late").mount(
            Label("The apology you gave the customer", markup=False), TextBox(id="close-apology"),
            Label("The make-good (what the desk did to make up for it; Ctrl+G to draw goodwill)", markup=False),
            TextBox(id="close-make-good"), Static("", id="close-goodwill", markup=False),
        )
        self.call_after_refresh(lambda: self.query_one("#close-apology", TextBox).focus())

    def collect(self) -> Closing:
        note = self.query_one("#close-note", TextBox).value
        if not self.late:
            return Closing(self.row.seen, note, late=False)
        return Closing(self.row.seen, note, late=True, apology=self.query_one("#close-apology", TextBox).value,
                       make_good=self.query_one("#close-make-good", TextBox).value)

    def save(self, closing: Closing) -> bool:
        if closing.late:
            self.book.close_late(closing.seen, apology=closing.apology, make_good=closing.make_good, note=closing.note,
                                 goodwill=self.goodwill, customer_id=self.row.customer_id)
        else:
            self.book.keep(closing.seen, closing.note)
        return True

    def show_error(self, problem: Exception | str | None) -> None:
        """A promise that fell due while the dialog was open asks for the apology there and then."""
        if isinstance(problem, ValidationError) and problem.field == "apology":
            self.ask_for_apology()
        super().show_error(problem)

    def action_goodwill(self) -> None:
        if not self.late:
            return

        def asked(request: GoodwillRequest | None) -> None:
            if request is None:
                return
            self.goodwill = request
            make_good = self.query_one("#close-make-good", TextBox)
            make_good.value = make_good.value or request.describe()
            self.query_one("#close-goodwill", Static).update(
                Text(f"Goodwill to draw when this is saved: {shown_money(request.amount, request.currency)} ({request.kind}). Escape draws nothing."))

        self.app.push_screen(GoodwillScreen(self.desk, reason=f"Make-good: {self.row.what}"), asked)
