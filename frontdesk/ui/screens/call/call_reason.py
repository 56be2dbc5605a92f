"""Why the customer got in touch: channel, a category from the desk's list, and their reason in words."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from frontdesk.db.models import Channel
from frontdesk.services.desk import Desk
from frontdesk.services.categories import category_names
from frontdesk.services.interactions import get_interaction, set_reason
from frontdesk.services.validation import ValidationError


class CallReasonScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="reason.cancel"),
        Binding("ctrl+s", "save", "Save", id="reason.save", priority=True),
    ]
    AUTO_FOCUS = "#reason-text"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__()
        self.desk = desk
        self.interaction_id = interaction_id
        with desk.session() as session:
            self.interaction = get_interaction(session, interaction_id)
            self.categories = category_names(session)

    def compose(self) -> ComposeResult:
        categories = list(dict.fromkeys([*self.categories, *([self.interaction.category] if self.interaction.category else [])]))
        with Vertical(classes="dialog"):
            yield Static("What is the call about?", classes="dialog-title", markup=False)
            yield Label("In the customer's words", markup=False)
            yield Input(self.interaction.reason, id="reason-text")
            yield Label("Category", markup=False)
            yield Select([(Text(name), name) for name in categories], value=self.interaction.category or Select.NULL, id="reason-category")
            yield Label("Channel", markup=False)
            yield Select([(channel.value, channel.value) for channel in Channel], value=self.interaction.channel, allow_blank=False, id="reason-channel")
            yield Label("", id="reason-error", classes="error", markup=False)

    @on(Input.Submitted, "#reason-text")
    def action_save(self) -> None:
        category = self.query_one("#reason-category", Select).value
        try:
            with self.desk.session() as session:
                set_reason(
                    session, self.interaction_id, self.desk.agent_id, str(self.query_one("#reason-channel", Select).value),
                    self.query_one("#reason-text", Input).value, "" if category is Select.NULL else str(category),
                )
        except ValidationError as error:
            self.query_one("#reason-error", Label).update(str(error))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
