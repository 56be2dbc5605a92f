"""A supervisor gives a colleague a new secret: forgotten, told to someone, or locked out after wrong tries."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from frontdesk.services.agent_secrets import checked_secret
from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk
from frontdesk.services.facades.staff import Staff
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.secret_pair import SecretPair
from frontdesk.ui.widgets.edit_boxes import TextBox


class ResetSecretScreen(FormDialog[Colleague | None]):
    """Returns the colleague whose secret was set, or None."""

    DIALOG_TITLE = "New secret"
    AUTO_FOCUS = "SecretPair Input"

    def __init__(self, desk: Desk, colleague: Colleague) -> None:
        super().__init__(desk)
        self.staff, self.colleague = Staff(desk), colleague

    def compose_form(self) -> ComposeResult:
        yield Static(Text.assemble("A new PIN or password for ", (self.colleague.name, "bold"),
                                   "; it also lifts a lock-out. Tell it to them in person."))
        yield SecretPair("New PIN or password:")

    def collect(self) -> str:
        return checked_secret(*self.query_one(SecretPair).values)

    def save(self, secret: str) -> Colleague:
        return self.staff.reset_secret(self.colleague.id, secret)

    @on(TextBox.Submitted)
    def submitted(self) -> None:
        self.action_save()
