"""Logging a missed call: who (a record or just a number) and when; it becomes a callback with a deadline."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from frontdesk.clock.now import utcnow
from frontdesk.services.desk import Desk
from frontdesk.services.callbacks import log_missed_call, missed_call_due
from frontdesk.services.greeting import summaries
from frontdesk.services.validation import ValidationError
from frontdesk.clock.typed_time import TypedTimeError, describe_when
from frontdesk.ui.widgets.customer_search import CustomerSearch
from frontdesk.ui.widgets.when_field import WhenField


class MissedCallScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="missed.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="missed.cancel"),
    ]
    AUTO_FOCUS = "#missed-number"

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.customer_id: int | None = None
        self.rules = desk.rules()

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Log a missed call", classes="dialog-title", markup=False)
            yield Label("The number that called", markup=False)
            yield Input(id="missed-number")
            yield Label("Or the customer, if known (Enter on a row links it)", markup=False)
            yield CustomerSearch(self.desk, "Find the customer", id="missed-customer")
            yield Static(id="missed-who")
            yield Label("Missed at", markup=False)
            yield WhenField("e.g. 10:15, today 9:40", value=f"{utcnow().astimezone():%H:%M}", id="missed-at")
            yield Static(id="missed-due")
            yield Label("", id="missed-error", classes="error", markup=False)
            yield Static("Ctrl+S saves the callback; Escape cancels.", markup=False)

    def on_mount(self) -> None:
        self.show_due()

    @on(CustomerSearch.Chosen)
    def linked(self, event: CustomerSearch.Chosen) -> None:
        self.customer_id = event.customer_id
        with self.desk.session() as session:
            summary = summaries(session, [event.customer_id])[event.customer_id]
        self.query_one("#missed-who", Static).update(Text.assemble(("Customer: ", "bold"), summary.name))
        if not self.query_one("#missed-number", Input).value and summary.phone:
            self.query_one("#missed-number", Input).value = summary.phone

    @on(Input.Changed, "#missed-at .when-input")
    def show_due(self) -> None:
        try:
            due = missed_call_due(self.rules, self.missed_at())
        except TypedTimeError:
            return
        within = self.rules.callback_within.total_seconds() / 3600
        self.query_one("#missed-due", Static).update(Text.assemble(
            ("Call back by: ", "bold"), describe_when(due, now=utcnow()), f" ({within:g} working hours)"
        ))

    def missed_at(self) -> datetime:
        """A bare time like 10:15 means the last 10:15, not tomorrow's: calls are missed in the past."""
        moment = self.query_one("#missed-at", WhenField).moment
        return moment - timedelta(days=1) if moment > utcnow() else moment

    def action_save(self) -> None:
        error = self.query_one("#missed-error", Label)
        try:
            missed_at = self.missed_at()
            with self.desk.session() as session:
                log_missed_call(session, self.desk.agent_id, self.customer_id,
                                self.query_one("#missed-number", Input).value, missed_at, self.rules)
        except (ValidationError, TypedTimeError) as problem:
            error.update(str(problem))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
