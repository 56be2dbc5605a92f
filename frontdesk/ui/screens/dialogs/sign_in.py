"""Who is at the desk? Every record made from here on carries this agent."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from frontdesk.db.models import Agent, Role
from frontdesk.services.desk import Desk
from frontdesk.services import agents
from frontdesk.services.validation import ValidationError

NEW_AGENT = "new-agent"


class SignInScreen(ModalScreen[Agent]):
    """Pick yourself from the list, or add yourself; an empty desk starts with its first supervisor."""

    AUTO_FOCUS = "#agents, #name"

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        with desk.session() as session:
            self.agents = agents.list_agents(session)

    def compose(self) -> ComposeResult:
        with Vertical(id="sign-in", classes="dialog"):
            yield Static("Who is at the desk?", classes="dialog-title")
            if self.agents:
                options = [Option(Text(f"{agent.name}  ({agent.role})"), id=str(agent.id)) for agent in self.agents]
                yield OptionList(*options, Option(Text("+ Someone new…"), id=NEW_AGENT), id="agents")
            with Vertical(id="new-agent", classes="" if not self.agents else "hidden"):
                if not self.agents:
                    yield Label("This desk is new. Add the first person; they will be its supervisor.", markup=False)
                yield Input(placeholder="Your name", id="name")
                yield Select(
                    [("Agent", Role.AGENT), ("Supervisor", Role.SUPERVISOR)],
                    value=Role.AGENT if self.agents else Role.SUPERVISOR,
                    allow_blank=False,
                    id="role",
                )
                yield Label("", id="sign-in-error", classes="error", markup=False)
                yield Button("Start", id="create", variant="primary")

    @on(OptionList.OptionSelected, "#agents")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == NEW_AGENT:
            self.query_one("#new-agent").remove_class("hidden")
            self.query_one("#name", Input).focus()
            return
        self.dismiss(next(agent for agent in self.agents if str(agent.id) == event.option.id))

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#create")
    def create(self) -> None:
        name = self.query_one("#name", Input).value
        role = self.query_one("#role", Select).value
        try:
            with self.desk.session() as session:
                agent = agents.create_agent(session, name, str(role))
        except ValidationError as error:
            self.query_one("#sign-in-error", Label).update(str(error))
            self.query_one("#name", Input).focus()
            return
        self.dismiss(agent)
