"""Logging a missed call: who (a record or just a number) and when; it becomes a callback with a deadline."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Static

from frontdesk.clock.now import utcnow
from frontdesk.clock.preview import describe_when
from frontdesk.clock.typed_time import TypedTimeError
from frontdesk.services.callbacks import missed_call_due
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.facades.call_forms import CallForms
from frontdesk.services.greeting import CustomerSummary
from frontdesk.ui.background import in_background
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.customer_search import CustomerSearch
from frontdesk.ui.widgets.when_field import WhenField
from frontdesk.ui.widgets.edit_boxes import TextBox


class MissedCallScreen(FormDialog[bool]):
    """Returns True once the callback is saved."""

    DIALOG_TITLE = "Log a missed call"
    CANCELLED = False
    AUTO_FOCUS = "#missed-number"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.forms = CallForms(desk)
        self.customer_id: int | None = None
        self.rules: DeskRules | None = None

    def compose_form(self) -> ComposeResult:
        yield Label("The number that called", markup=False)
        yield TextBox(id="missed-number")
        yield Label("Or the customer, if known (Enter on a row links it)", markup=False)
        yield CustomerSearch(self.desk, "Find the customer", id="missed-customer")
        yield Static(id="missed-who")
        yield Label("Missed at", markup=False)
        yield WhenField("e.g. 10:15, today 9:40", value=f"{utcnow().astimezone():%H:%M}", past=True, id="missed-at")
        yield Static(id="missed-due")
        yield Static("Ctrl+S saves the callback; Escape cancels.", markup=False)

    def load(self) -> DeskRules:
        return self.forms.rules()

    def show_loaded(self, rules: DeskRules) -> None:
        self.rules = rules
        self.query_one("#missed-at", WhenField).use_hours(rules.opening_hours)
        self.show_due()

    @on(CustomerSearch.Chosen)
    def linked(self, event: CustomerSearch.Chosen) -> None:
        customer_id = event.customer_id
        in_background(self, lambda: self.forms.customer(customer_id), self.show_customer, failed=self.show_error,
                      group="missed-customer", exclusive=True)

    def show_customer(self, summary: CustomerSummary) -> None:
        self.customer_id = summary.customer_id
        self.query_one("#missed-who", Static).update(Text.assemble(("Customer: ", "bold"), summary.name))
        number = self.query_one("#missed-number", TextBox)
        if not number.value and summary.phone:
            number.value = summary.phone

    @on(TextBox.Changed, "#missed-at .when-input")
    def show_due(self) -> None:
        if self.rules is None:
            return
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
        return self.query_one("#missed-at", WhenField).moment

    def collect(self) -> tuple[int | None, str, datetime, DeskRules]:
        if self.rules is None:
            raise ValueError("Still reading the desk's opening hours; try again in a moment.")
        return self.customer_id, self.query_one("#missed-number", TextBox).value, self.missed_at(), self.rules

    def save(self, values: tuple[int | None, str, datetime, DeskRules]) -> bool:
        self.forms.log_missed_call(*values)
        return True
