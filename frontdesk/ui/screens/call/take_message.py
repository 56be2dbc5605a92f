"""Taking a message for an absent colleague: it becomes their callback, due when the customer was told."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Select, Static

from frontdesk.services.desk import Desk
from frontdesk.services.agents import Colleague
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.facades.call_forms import CallForms
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.when_field import WhenField
from frontdesk.ui.widgets.edit_boxes import TextBox, TextBoxArea


class TakeMessageScreen(FormDialog[str | None]):
    """Returns the colleague's name once the callback is theirs, or None."""

    DIALOG_TITLE = "Take a message for a colleague"
    AUTO_FOCUS = "#message-for"

    def __init__(self, desk: Desk, customer_id: int | None, contact: str, interaction_id: int | None) -> None:
        super().__init__(desk)
        self.forms = CallForms(desk)
        self.customer_id, self.contact, self.interaction_id = customer_id, contact, interaction_id
        self.colleagues: tuple[Colleague, ...] = ()

    def compose_form(self) -> ComposeResult:
        yield Label("For", markup=False)
        yield Select([], id="message-for", prompt="Colleague")
        yield Label("Who to call back (name and number)", markup=False)
        yield TextBox(self.contact, id="message-contact")
        yield Label("Call back by (what you tell the customer)", markup=False)
        yield WhenField("e.g. today 4pm, tomorrow 10:00, in 2 hours", id="message-due")
        yield Label("The message", markup=False)
        yield TextBoxArea(id="message-text", soft_wrap=True)
        yield Static("Ctrl+S saves; Escape cancels.", markup=False)

    def load(self) -> tuple[tuple[Colleague, ...], DeskRules]:
        return self.forms.colleagues(), self.forms.rules()

    def show_loaded(self, loaded: tuple[tuple[Colleague, ...], DeskRules]) -> None:
        colleagues, rules = loaded
        self.colleagues = colleagues
        self.query_one("#message-due", WhenField).use_hours(rules.opening_hours)
        self.query_one("#message-for", Select).set_options([(Text(colleague.name), colleague.id) for colleague in colleagues])

    def collect(self) -> tuple[int, str, str, datetime]:
        """A bad due time raises TypedTimeError, a ValueError: it becomes the error line."""
        colleague = self.query_one("#message-for", Select).value
        if colleague is Select.NULL:
            raise ValueError("Choose the colleague the message is for.")
        due_at = self.query_one("#message-due", WhenField).moment
        return (int(colleague), self.query_one("#message-contact", TextBox).value,
                self.query_one("#message-text", TextBoxArea).text, due_at)

    def save(self, values: tuple[int, str, str, datetime]) -> str:
        colleague_id, contact, message, due_at = values
        self.forms.take_message(colleague_id, self.customer_id, contact, message, due_at, self.interaction_id)
        return next(colleague.name for colleague in self.colleagues if colleague.id == colleague_id)

    @on(TextBox.Submitted)
    def submitted(self) -> None:
        self.action_save()
