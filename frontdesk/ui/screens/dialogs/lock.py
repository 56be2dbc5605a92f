"""The terminal locked after idle time: the same person's secret opens it where it was; or someone else signs in."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk
from frontdesk.services.facades.staff import Staff
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox

SWITCH = "switch"
"""What the lock screen returns when someone else is taking the terminal."""


class LockScreen(FormDialog[Colleague | str]):
    """Covers whatever was open (a call, a half-typed form), which stays as it was underneath.

    Returns the person again once their secret is typed, or SWITCH when someone else signs in instead.
    """

    DEFAULT_CSS = """
    LockScreen {
        background: $background;
    }
    """
    """Opaque: nothing of the customer on screen underneath shows through while nobody is at the terminal."""
    DIALOG_ID = "lock"
    DIALOG_TITLE = "This terminal is locked"
    AUTO_FOCUS = "#unlock-secret"
    BINDINGS = [Binding("f12", "switch", "Someone else", id="lock.switch", tooltip="Sign in as another person")]

    def __init__(self, desk: Desk, person: Colleague) -> None:
        super().__init__(desk)
        self.staff, self.person = Staff(desk), person

    def compose_form(self) -> ComposeResult:
        yield Static(Text.assemble(("Locked after idle time. ", "bold"), self.person.name,
                                   ", type your secret to go on where you were; F12 lets someone else sign in."))
        yield TextBox(placeholder="PIN or password", password=True, id="unlock-secret")

    @on(TextBox.Submitted, "#unlock-secret")
    def submitted(self) -> None:
        self.action_save()

    def collect(self) -> str:
        return self.query_one("#unlock-secret", TextBox).value

    def save(self, secret: str) -> Colleague:
        return self.staff.sign_in(self.person.id, secret, purpose="unlock")

    def show_error(self, problem: Exception | str | None) -> None:
        """A refused secret is emptied first, so the message stays until the next one is typed."""
        if problem is not None:
            self.query_one("#unlock-secret", TextBox).value = ""
        super().show_error(problem)

    def action_switch(self) -> None:
        self.dismiss(SWITCH)

    def action_cancel(self) -> None:
        """Escape does not unlock."""
