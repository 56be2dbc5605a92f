"""Who is at the desk? Every record made from here on carries this agent."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from frontdesk.services.agents import ROLES, SUPERVISOR
from frontdesk.services.desk import Desk
from frontdesk.services.agents import Colleague
from frontdesk.services.facades.staff import Staff
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog

NEW_AGENT = "new-agent"


class SignInScreen(FormDialog[Colleague | None]):
    """Pick yourself from the list, or add yourself; an empty desk starts with its first supervisor.

    Returns the agent signing in, or None when someone switching agents backs out with Escape.
    """

    DIALOG_ID = "sign-in"
    DIALOG_TITLE = "Who is at the desk?"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.staff = Staff(desk)
        self.on_duty: tuple[Colleague, ...] = ()

    def compose_form(self) -> ComposeResult:
        yield OptionList(id="agents", classes="hidden")
        with Vertical(id="new-agent", classes="hidden"):
            yield Label("This desk is new. Add the first person; they will be its supervisor.", id="first-person",
                        classes="hidden", markup=False)
            yield Input(placeholder="Your name", id="name")
            yield Select([(role.capitalize(), role) for role in ROLES], value=ROLES[0], allow_blank=False, id="role")
            yield Button("Start", id="create", variant="primary")

    def load(self) -> tuple[Colleague, ...]:
        return self.staff.on_duty()

    def show_loaded(self, on_duty: tuple[Colleague, ...]) -> None:
        self.on_duty = on_duty
        if not on_duty:
            self.query_one("#first-person").remove_class("hidden")
            self.query_one("#role", Select).value = SUPERVISOR
            self.show_new_agent()
            return
        agents = self.query_one("#agents", OptionList)
        agents.add_options([Option(Text(f"{agent.name}  ({agent.role})"), id=str(agent.id)) for agent in on_duty])
        agents.add_option(Option(Text("+ Someone new…"), id=NEW_AGENT))
        agents.remove_class("hidden")
        agents.highlighted = 0
        agents.focus()

    def show_new_agent(self) -> None:
        self.query_one("#new-agent").remove_class("hidden")
        self.query_one("#name", Input).focus()

    @on(OptionList.OptionSelected, "#agents")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == NEW_AGENT:
            self.show_new_agent()
            return
        self.dismiss(next(agent for agent in self.on_duty if str(agent.id) == event.option.id))

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#create")
    def create(self) -> None:
        self.action_save()

    def collect(self) -> tuple[str, str]:
        return self.query_one("#name", Input).value, str(self.query_one("#role", Select).value)

    def save(self, values: tuple[str, str]) -> Colleague:
        name, role = values
        return self.staff.add(name, role)

    def show_error(self, problem: Exception | str | None) -> None:
        super().show_error(problem)
        if problem is not None and not self.query_one("#new-agent").has_class("hidden"):
            self.query_one("#name", Input).focus()

    def action_cancel(self) -> None:
        """Switching agents can be called off; the first sign-in cannot, or nobody would be at the desk."""
        if self.desk.agent is None:
            self.notify("Choose who you are, or press Ctrl+Q to quit.", severity="warning")
            return
        self.dismiss(None)
