"""A supervisor adds a colleague with their first secret, to tell them in person."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Select

from frontdesk.services.agent_secrets import checked_secret
from frontdesk.services.agents import ROLES, Colleague
from frontdesk.services.desk import Desk
from frontdesk.services.facades.staff import Staff
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.secret_pair import SecretPair
from frontdesk.ui.widgets.edit_boxes import TextBox


class AddColleagueScreen(FormDialog[Colleague | None]):
    """Returns the colleague added, or None."""

    DIALOG_TITLE = "Add a colleague"
    AUTO_FOCUS = "#colleague-name"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.staff = Staff(desk)

    def compose_form(self) -> ComposeResult:
        yield TextBox(placeholder="Their name", id="colleague-name")
        yield Select([(role.capitalize(), role) for role in ROLES], value=ROLES[0], allow_blank=False, id="colleague-role")
        yield SecretPair("Their first PIN or password:", id="colleague-secret")

    def collect(self) -> tuple[str, str, str]:
        secret = checked_secret(*self.query_one(SecretPair).values)
        return self.query_one("#colleague-name", TextBox).value, str(self.query_one("#colleague-role", Select).value), secret

    def save(self, values: tuple[str, str, str]) -> Colleague:
        return self.staff.add(*values)

    @on(TextBox.Submitted)
    def submitted(self) -> None:
        self.action_save()
