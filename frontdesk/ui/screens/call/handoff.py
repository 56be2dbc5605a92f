"""Handing a call to a colleague: who, and from the second handoff on, why."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from frontdesk.services.desk import Desk
from frontdesk.services.agents import list_agents
from frontdesk.services.handoffs import hand_off, people_spoken_to, reason_needed
from frontdesk.services.validation import ValidationError


class HandoffScreen(ModalScreen[str | None]):
    """Returns the colleague's name once ownership has moved, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="handoff.cancel")]
    AUTO_FOCUS = "#colleagues"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__()
        self.desk = desk
        self.interaction_id = interaction_id
        with desk.session() as session:
            self.colleagues = [agent for agent in list_agents(session) if agent.id != desk.agent_id]
            self.spoken_to = people_spoken_to(session, interaction_id)
            self.needs_reason = reason_needed(session, interaction_id)
        self.chosen_id: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Hand the call to a colleague, with all its notes", classes="dialog-title", markup=False)
            if self.needs_reason:
                yield Static(Text.assemble(
                    ("⚠ ", "bold yellow"),
                    (f"The customer has already spoken to {len(self.spoken_to)} people: ", "bold"),
                    ", ".join(self.spoken_to), ". Another handoff needs a reason.",
                ), id="runaround")
            yield OptionList(*[Option(Text(agent.name), id=str(agent.id)) for agent in self.colleagues], id="colleagues")
            yield Input(placeholder="Why? (needed from the second handoff on)", id="handoff-reason")
            yield Label("", id="handoff-error", classes="error", markup=False)

    @on(OptionList.OptionSelected, "#colleagues")
    def colleague_chosen(self, event: OptionList.OptionSelected) -> None:
        self.chosen_id = int(event.option.id)
        if self.needs_reason:
            self.query_one("#handoff-reason", Input).focus()
        else:
            self.submit()

    @on(Input.Submitted, "#handoff-reason")
    def submit(self) -> None:
        if self.chosen_id is None:
            self.query_one("#handoff-error", Label).update("Choose the colleague first.")
            self.query_one("#colleagues").focus()
            return
        reason = self.query_one("#handoff-reason", Input).value
        try:
            with self.desk.session() as session:
                hand_off(session, self.interaction_id, self.desk.agent_id, self.chosen_id, reason)
        except ValidationError as error:
            self.query_one("#handoff-error", Label).update(str(error))
            return
        self.dismiss(next(agent.name for agent in self.colleagues if agent.id == self.chosen_id))

    def action_cancel(self) -> None:
        self.dismiss(None)
