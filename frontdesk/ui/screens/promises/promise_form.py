"""Making a promise: what, by when (as people say it), who keeps it, how the customer hears; checked first."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from frontdesk.clock.now import utcnow
from frontdesk.clock.dates import typed_moment
from frontdesk.clock.preview import describe_when
from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.facades.promises import NewPromise, PromiseBook, PromiseDraft
from frontdesk.services.promise_checks import PromiseCheck
from frontdesk.services.promises import TELL_BY, PromiseNeedsConfirmation
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.when_field import WhenField
from frontdesk.ui.widgets.edit_boxes import TextBox


def warnings_text(check: PromiseCheck) -> Text:
    """Why a time may not be kept, a line each: the promise form and the move dialog say it alike."""
    text = Text()
    for warning in check.warnings:
        text.append_text(Text.assemble(("⚠ ", "bold yellow"), warning, "\n"))
    return text


def check_text(check: PromiseCheck) -> Text:
    text = warnings_text(check)
    text.append("Press Ctrl+S again to promise it anyway, or pick a time the desk can keep below.", style="bold")
    return text


class PromiseFormScreen(FormDialog[int | None]):
    """Returns the new promise's id, or None."""

    DEFAULT_CSS = """
    PromiseFormScreen > .dialog { height: 85%; }
    PromiseFormScreen .dialog-fields { height: 1fr; }
    PromiseFormScreen #promise-alternatives { height: auto; max-height: 5; }
    """
    DIALOG_TITLE = "Make a promise the desk can keep"
    AUTO_FOCUS = "#promise-what"

    def __init__(self, desk: Desk, customer_id: int, interaction_id: int | None = None, what: str = "") -> None:
        super().__init__(desk)
        self.customer_id, self.interaction_id, self.what = customer_id, interaction_id, what
        self.book = PromiseBook(desk)
        self.confirmed_for: tuple[datetime, int] | None = None
        """The due time and owner the agent chose to promise despite the warnings."""
        self.attempt: PromiseDraft | None = None

    def compose_form(self) -> ComposeResult:
        yield Label("What is promised", markup=False)
        yield TextBox(self.what, id="promise-what")
        yield Label("By when", markup=False)
        yield WhenField("tomorrow 3pm, thu, in 2 days, 26/11 15:00, end of day", id="promise-due")
        yield Label("Who keeps it", markup=False)
        yield Select([], prompt="Who keeps it", id="promise-owner")
        yield Label("How the customer will hear", markup=False)
        yield Select([(way, way) for way in TELL_BY if way], prompt="Choose", id="promise-tell")
        yield Static(id="promise-check")
        yield OptionList(id="promise-alternatives", classes="hidden")
        yield Static("Ctrl+S checks and saves; Escape cancels.", markup=False)

    def load(self) -> tuple[tuple[Colleague, ...], DeskRules]:
        return self.book.owners(), self.desk.rules()

    def show_loaded(self, loaded: tuple[tuple[Colleague, ...], DeskRules]) -> None:
        owners, rules = loaded
        self.query_one("#promise-due", WhenField).use_hours(rules.opening_hours)
        select = self.query_one("#promise-owner", Select)
        select.set_options([(Text(owner.name), owner.id) for owner in owners])
        if any(owner.id == self.desk.agent_id for owner in owners):
            select.value = self.desk.agent_id

    @on(TextBox.Submitted)
    def submitted(self) -> None:
        self.action_save()

    def collect(self) -> tuple[PromiseDraft, bool]:
        owner = self.query_one("#promise-owner", Select).value
        if owner is Select.NULL:
            raise ValueError("Choose who keeps the promise.")
        tell = self.query_one("#promise-tell", Select).value
        self.attempt = PromiseDraft(
            customer_id=self.customer_id, what=self.query_one("#promise-what", TextBox).value,
            due_at=self.query_one("#promise-due", WhenField).moment, owner_id=int(owner),
            tell_by="" if tell is Select.NULL else str(tell), interaction_id=self.interaction_id,
        )
        return self.attempt, self.confirmed_for == (self.attempt.due_at, self.attempt.owner_id)

    def save(self, values: tuple[PromiseDraft, bool]) -> NewPromise:
        draft, confirmed = values
        return self.book.make(draft, confirmed=confirmed)

    def saved(self, result: NewPromise) -> None:
        self.notify(Text(f"Promised: {result.what}, {describe_when(result.due_at, now=utcnow())}."))
        self.dismiss(result.promise_id)

    def show_error(self, problem: Exception | str | None) -> None:
        """A promise that may not be kept shows why, with times that would work, and waits for a second Ctrl+S."""
        if isinstance(problem, PromiseNeedsConfirmation) and self.attempt is not None:
            self.confirmed_for = (self.attempt.due_at, self.attempt.owner_id)
            self.show_check(problem.check)
            return
        super().show_error(problem)

    def show_check(self, check: PromiseCheck) -> None:
        shown = self.query_one("#promise-check", Static)
        shown.update(check_text(check))
        alternatives = self.query_one("#promise-alternatives", OptionList)
        alternatives.clear_options()
        alternatives.add_options([
            Option(Text(f"Use {describe_when(moment, now=utcnow())}"), id=moment.isoformat()) for moment in check.alternatives
        ])
        alternatives.set_class(not check.alternatives, "hidden")
        if check.alternatives:
            alternatives.highlighted = 0
        self.bring_into_view(shown)

    @on(TextBox.Changed, "#promise-due .when-input")
    @on(Select.Changed, "#promise-owner")
    def forget_check(self) -> None:
        """The warning and the times offered were about the old time or owner: they go when it changes."""
        self.query_one("#promise-check", Static).update("")
        self.query_one("#promise-alternatives").add_class("hidden")

    @on(OptionList.OptionSelected, "#promise-alternatives")
    def use_alternative(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#promise-due .when-input", TextBox).value = typed_moment(datetime.fromisoformat(event.option.id))
        self.forget_check()
        self.confirmed_for = None
        self.action_save()
