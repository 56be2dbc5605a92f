"""Moving a promise's due time, only after the customer has been told; the history keeps every change."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Static

from frontdesk.clock.now import to_local
from frontdesk.services.desk import Desk
from frontdesk.services.promise_rows import PromiseRow
from frontdesk.services.promises import PromiseNeedsConfirmation, promise_history, renegotiate
from frontdesk.services.validation import ValidationError
from frontdesk.clock.typed_time import TypedTimeError
from frontdesk.ui.widgets.when_field import WhenField


def history_text(desk: Desk, promise_id: int) -> Text:
    with desk.session() as session:
        changes = promise_history(session, promise_id)
    if not changes:
        return Text("Never moved.", style="dim")
    text = Text("Changes:", style="bold")
    for change in changes:
        told = "told before the deadline" if change.told_before_deadline else "told AFTER the deadline"
        text.append(f"\n  {to_local(change.at):%d %b %H:%M}: {to_local(change.old_due_at):%a %d %b %H:%M} → "
                    f"{to_local(change.new_due_at):%a %d %b %H:%M} ({told})", style="" if change.told_before_deadline else "red")
        if change.note:
            text.append(f"  {change.note}")
    return text


class RenegotiateScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="renegotiate.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="renegotiate.cancel"),
    ]
    AUTO_FOCUS = "#renegotiate-due .when-input"

    def __init__(self, desk: Desk, row: PromiseRow) -> None:
        super().__init__()
        self.desk, self.row = desk, row
        self.confirmed_for: datetime | None = None
        self.rules = desk.rules()

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Move the due time", classes="dialog-title", markup=False)
            yield Static(Text.assemble((self.row.customer_name, "bold"), ": ", self.row.what,
                                       f"\nNow due {to_local(self.row.due_at):%A %d %B, %H:%M}"))
            yield Static(history_text(self.desk, self.row.promise_id), id="renegotiate-history")
            yield Label("New due time", markup=False)
            yield WhenField("tomorrow 3pm, fri, in 2 days", id="renegotiate-due")
            yield Checkbox("The customer has been told of the new time", id="renegotiate-told")
            yield Input(placeholder="Note (why it moved)", id="renegotiate-note")
            yield Static(id="renegotiate-check")
            yield Label("", id="renegotiate-error", classes="error", markup=False)

    def action_save(self) -> None:
        error = self.query_one("#renegotiate-error", Label)
        try:
            new_due = self.query_one("#renegotiate-due", WhenField).moment
            with self.desk.session() as session:
                renegotiate(session, self.row.promise_id, self.desk.agent_id, new_due,
                            customer_told=self.query_one("#renegotiate-told", Checkbox).value,
                            note=self.query_one("#renegotiate-note", Input).value,
                            rules=self.rules, confirmed=self.confirmed_for == new_due)
        except PromiseNeedsConfirmation as doubt:
            self.confirmed_for = new_due
            self.query_one("#renegotiate-check", Static).update(Text.assemble(
                *((f"⚠ {warning}\n", "yellow") for warning in doubt.check.warnings), ("Ctrl+S again to move it anyway.", "bold")))
            return
        except (ValidationError, TypedTimeError) as problem:
            error.update(str(problem))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
