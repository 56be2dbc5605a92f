"""Closing a promise: kept with a note, or, when it slipped, with the apology given and a make-good."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from frontdesk.db.models import GoodwillGrant
from frontdesk.services.desk import Desk
from frontdesk.ui.screens.call.goodwill import GoodwillScreen
from frontdesk.services.promise_rows import PromiseRow
from frontdesk.services.promises import close_late, keep_promise, needs_apology
from frontdesk.services.validation import ValidationError


class ClosePromiseScreen(ModalScreen[bool]):
    """An overdue promise asks for the apology and the make-good; Ctrl+G adds goodwill to the make-good."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="close.save", priority=True),
        Binding("ctrl+g", "goodwill", "Goodwill", id="close.goodwill", priority=True),
        Binding("escape", "cancel", "Cancel", id="close.cancel"),
    ]
    AUTO_FOCUS = "Input"

    def __init__(self, desk: Desk, row: PromiseRow) -> None:
        super().__init__()
        self.desk, self.row = desk, row
        with desk.session() as session:
            self.late = needs_apology(session, row.promise_id)  # now, not as listed: it may have fallen due since
        self.granted: GoodwillGrant | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Close a promise that slipped" if self.late else "Mark the promise kept", classes="dialog-title", markup=False)
            yield Static(Text.assemble((self.row.customer_name, "bold"), ": ", self.row.what))
            if self.late:
                yield Label("The apology you gave the customer", markup=False)
                yield Input(id="close-apology")
                yield Label("The make-good (what the desk did to make up for it; Ctrl+G to draw goodwill)", markup=False)
                yield Input(id="close-make-good")
            yield Label("Note (optional)", markup=False)
            yield Input(id="close-note")
            yield Label("", id="close-error", classes="error", markup=False)
            yield Static("Ctrl+S saves; Escape cancels.", markup=False)

    def action_save(self) -> None:
        note = self.query_one("#close-note", Input).value
        try:
            with self.desk.session() as session:
                if self.late:
                    close_late(session, self.row.promise_id, self.desk.agent_id, note=note,
                               apology=self.query_one("#close-apology", Input).value,
                               make_good=self.query_one("#close-make-good", Input).value)
                else:
                    keep_promise(session, self.row.promise_id, self.desk.agent_id, note)
        except ValidationError as problem:
            self.query_one("#close-error", Label).update(str(problem))
            return
        self.dismiss(True)

    def action_goodwill(self) -> None:
        if not self.late:
            return

        def granted(grant) -> None:
            if grant is not None:
                self.granted = grant
                make_good = self.query_one("#close-make-good", Input)
                make_good.value = make_good.value or f"{grant.kind} of {grant.amount:g}: {grant.reason}"

        self.app.push_screen(GoodwillScreen(self.desk, customer_id=self.row.customer_id, promise_id=self.row.promise_id,
                                            reason=f"Make-good: {self.row.what}"), granted)

    def action_cancel(self) -> None:
        if self.granted is not None:
            self.notify(f"The goodwill ({self.granted.amount:g}) stays recorded: it was given. The promise is still open.",
                        severity="warning")
        self.dismiss(False)
