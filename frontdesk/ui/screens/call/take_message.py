"""Taking a message for an absent colleague: it becomes their callback, due when the customer was told."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from frontdesk.services.desk import Desk
from frontdesk.services.agents import list_agents
from frontdesk.services.callbacks import take_message
from frontdesk.services.validation import ValidationError
from frontdesk.clock.typed_time import TypedTimeError
from frontdesk.ui.widgets.when_field import WhenField


class TakeMessageScreen(ModalScreen[str | None]):
    """Returns the colleague's name once the callback is theirs, or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="message.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="message.cancel"),
    ]
    AUTO_FOCUS = "#message-for"

    def __init__(self, desk: Desk, customer_id: int | None, contact: str, interaction_id: int | None) -> None:
        super().__init__()
        self.desk, self.customer_id, self.contact, self.interaction_id = desk, customer_id, contact, interaction_id
        with desk.session() as session:
            self.colleagues = [agent for agent in list_agents(session) if agent.id != desk.agent_id]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Take a message for a colleague", classes="dialog-title", markup=False)
            yield Label("For", markup=False)
            yield Select([(Text(agent.name), agent.id) for agent in self.colleagues], id="message-for", prompt="Colleague")
            yield Label("Who to call back (name and number)", markup=False)
            yield Input(self.contact, id="message-contact")
            yield Label("Call back by (what you tell the customer)", markup=False)
            yield WhenField("e.g. today 4pm, tomorrow 10:00, in 2 hours", id="message-due")
            yield Label("The message", markup=False)
            yield TextArea(id="message-text", soft_wrap=True)
            yield Label("", id="message-error", classes="error", markup=False)
            yield Static("Ctrl+S saves; Escape cancels.", markup=False)

    def action_save(self) -> None:
        colleague = self.query_one("#message-for", Select).value
        error = self.query_one("#message-error", Label)
        if colleague is Select.NULL:
            error.update("Choose the colleague the message is for.")
            return
        try:
            due_at = self.query_one("#message-due", WhenField).moment
            with self.desk.session() as session:
                take_message(
                    session, self.desk.agent_id, int(colleague), self.customer_id,
                    self.query_one("#message-contact", Input).value, self.query_one("#message-text", TextArea).text,
                    due_at, self.interaction_id,
                )
        except (ValidationError, TypedTimeError) as problem:
            error.update(str(problem))
            return
        self.dismiss(next(agent.name for agent in self.colleagues if agent.id == int(colleague)))

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)
