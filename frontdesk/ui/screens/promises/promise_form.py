"""Making a promise: what, by when (as people say it), who keeps it, how the customer hears; checked first."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from frontdesk.clock.now import local_zone, utcnow
from frontdesk.services.desk import Desk
from frontdesk.services.agents import list_agents
from frontdesk.services.promise_checks import PromiseCheck
from frontdesk.services.promises import TELL_BY, PromiseNeedsConfirmation, make_promise
from frontdesk.services.validation import ValidationError
from frontdesk.clock.typed_time import TypedTimeError, describe_when
from frontdesk.ui.widgets.when_field import WhenField


def check_text(check: PromiseCheck) -> Text:
    text = Text()
    for warning in check.warnings:
        text.append_text(Text.assemble(("⚠ ", "bold yellow"), warning, "\n"))
    text.append("Press Ctrl+S again to promise it anyway, or pick a time the desk can keep below.", style="bold")
    return text


class PromiseFormScreen(ModalScreen[int | None]):
    """Returns the new promise's id, or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="promise.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="promise.cancel"),
    ]
    AUTO_FOCUS = "#promise-what"

    def __init__(self, desk: Desk, customer_id: int, interaction_id: int | None = None, what: str = "") -> None:
        super().__init__()
        self.desk, self.customer_id, self.interaction_id, self.what = desk, customer_id, interaction_id, what
        self.confirmed_for: tuple[datetime, int] | None = None
        self.rules = desk.rules()
        with desk.session() as session:
            self.owners = list_agents(session)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="promise-form", classes="dialog"):
            yield Static("Make a promise the desk can keep", classes="dialog-title", markup=False)
            yield Label("What is promised", markup=False)
            yield Input(self.what, id="promise-what")
            yield Label("By when", markup=False)
            yield WhenField("tomorrow 3pm, thu, in 2 days, 26/11 15:00, end of day", id="promise-due")
            yield Label("Who keeps it", markup=False)
            yield Select([(Text(agent.name), agent.id) for agent in self.owners], value=self.desk.agent_id, allow_blank=False, id="promise-owner")
            yield Label("How the customer will hear", markup=False)
            yield Select([(way, way) for way in TELL_BY if way], prompt="Choose", id="promise-tell")
            yield Static(id="promise-check")
            yield OptionList(id="promise-alternatives", classes="hidden")
            yield Label("", id="promise-error", classes="error", markup=False)
            yield Static("Ctrl+S checks and saves; Escape cancels.", markup=False)

    @on(Input.Submitted)
    def action_save(self) -> None:
        error = self.query_one("#promise-error", Label)
        error.update("")
        tell = self.query_one("#promise-tell", Select).value
        try:
            due_at = self.query_one("#promise-due", WhenField).moment
            owner = int(self.query_one("#promise-owner", Select).value)
            with self.desk.session() as session:
                promise = make_promise(
                    session, self.desk.agent_id, self.customer_id, self.query_one("#promise-what", Input).value, due_at,
                    owner_id=owner, interaction_id=self.interaction_id, tell_by="" if tell is Select.NULL else str(tell),
                    rules=self.rules, confirmed=self.confirmed_for == (due_at, owner),
                )
        except PromiseNeedsConfirmation as doubt:
            self.confirmed_for = (due_at, owner)
            self.show_check(doubt.check)
            return
        except (ValidationError, TypedTimeError) as problem:
            error.update(str(problem))
            return
        self.notify(Text(f"Promised: {promise.what}, {describe_when(due_at, now=utcnow())}."))
        self.dismiss(promise.id)

    def show_check(self, check: PromiseCheck) -> None:
        self.query_one("#promise-check", Static).update(check_text(check))
        alternatives = self.query_one("#promise-alternatives", OptionList)
        alternatives.clear_options()
        alternatives.add_options([
            Option(Text(f"Use {describe_when(moment, now=utcnow())}"), id=moment.isoformat()) for moment in check.alternatives
        ])
        alternatives.set_class(not check.alternatives, "hidden")
        if check.alternatives:
            alternatives.highlighted = 0

    @on(OptionList.OptionSelected, "#promise-alternatives")
    def use_alternative(self, event: OptionList.OptionSelected) -> None:
        moment = datetime.fromisoformat(event.option.id).astimezone(local_zone())
        self.query_one("#promise-due .when-input", Input).value = moment.strftime("%Y-%m-%d %H:%M")
        self.query_one("#promise-check", Static).update("")
        self.query_one("#promise-alternatives").add_class("hidden")
        self.confirmed_for = None
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)
