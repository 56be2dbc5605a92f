"""Why the customer got in touch: channel, a category from the desk's list, and their reason in words."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Select

from frontdesk.services.desk import Desk
from frontdesk.services.facades.call_forms import CallForms, ReasonForm
from frontdesk.services.interactions import CHANNELS
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox


class CallReasonScreen(FormDialog[bool]):
    """Enter in the reason box saves, as Ctrl+S does; returns True once saved."""

    DIALOG_TITLE = "What is the call about?"
    CANCELLED = False
    AUTO_FOCUS = "#reason-text"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__(desk)
        self.forms = CallForms(desk)
        self.interaction_id = interaction_id
        self.loaded = False

    def compose_form(self) -> ComposeResult:
        yield Label("In the customer's words", markup=False)
        yield TextBox(id="reason-text")
        yield Label("Category", markup=False)
        yield Select([], id="reason-category")
        yield Label("Channel", markup=False)
        yield Select([(channel, channel) for channel in CHANNELS], value=CHANNELS[0], allow_blank=False, id="reason-channel")

    def load(self) -> ReasonForm:
        return self.forms.reason_form(self.interaction_id)

    def show_loaded(self, form: ReasonForm) -> None:
        """What is stored fills the form, unless the agent has already started typing the reason."""
        reason = self.query_one("#reason-text", TextBox)
        if not reason.value:
            reason.value = form.reason
        category = self.query_one("#reason-category", Select)
        category.set_options([(Text(name), name) for name in form.categories])
        category.value = form.category or Select.NULL
        self.query_one("#reason-channel", Select).value = form.channel
        self.loaded = True

    def collect(self) -> tuple[str, str, str]:
        if not self.loaded:
            raise ValueError("Still reading the call; try again in a moment.")
        category = self.query_one("#reason-category", Select).value
        return (str(self.query_one("#reason-channel", Select).value), self.query_one("#reason-text", TextBox).value,
                "" if category is Select.NULL else str(category))

    def save(self, values: tuple[str, str, str]) -> bool:
        self.forms.set_reason(self.interaction_id, *values)
        return True

    @on(TextBox.Submitted, "#reason-text")
    def submitted(self) -> None:
        self.action_save()
