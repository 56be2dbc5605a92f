"""Handing a call to a colleague: who, and from the second handoff on, why."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from frontdesk.services.desk import Desk
from frontdesk.services.facades.call_forms import CallForms, HandoffForm
from frontdesk.services.numbers import shown_count
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox


def runaround_text(form: HandoffForm) -> Text:
    return Text.assemble(
        ("⚠ ", "bold yellow"), (f"The customer has already spoken to {shown_count(len(form.spoken_to))} people: ", "bold"),
        ", ".join(form.spoken_to), ". Another handoff needs a reason.",
    )


class HandoffScreen(FormDialog[str | None]):
    """Enter on a colleague hands the call over (after a reason, from the second handoff on).

    Returns the colleague's name once ownership has moved, or None.
    """

    DIALOG_TITLE = "Hand the call to a colleague, with all its notes"
    AUTO_FOCUS = "#colleagues"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__(desk)
        self.forms = CallForms(desk)
        self.interaction_id = interaction_id
        self.form: HandoffForm | None = None
        self.chosen_id: int | None = None

    def compose_form(self) -> ComposeResult:
        yield Static("", id="runaround", classes="hidden")
        yield OptionList(id="colleagues")
        yield TextBox(placeholder="Why? (needed from the second handoff on)", id="handoff-reason")

    def load(self) -> HandoffForm:
        return self.forms.handoff_form(self.interaction_id)

    def show_loaded(self, form: HandoffForm) -> None:
        self.form = form
        if form.needs_reason:
            runaround = self.query_one("#runaround", Static)
            runaround.update(runaround_text(form))
            runaround.remove_class("hidden")
        colleagues = self.query_one("#colleagues", OptionList)
        colleagues.add_options([Option(Text(colleague.name), id=str(colleague.id)) for colleague in form.colleagues])
        colleagues.highlighted = 0 if form.colleagues else None

    @on(OptionList.OptionSelected, "#colleagues")
    def colleague_chosen(self, event: OptionList.OptionSelected) -> None:
        self.chosen_id = int(event.option.id)
        if self.form is not None and self.form.needs_reason:
            reason = self.query_one("#handoff-reason", TextBox)
            if reason.value.strip():
                self.action_save()
                return
            reason.focus()  # said, not only done: the focus moving alone looked like Enter doing nothing
            self.show_error(f"Why does the call go to {event.option.prompt}? Type the reason, then Enter.")
        else:
            self.action_save()

    @on(TextBox.Submitted, "#handoff-reason")
    def submitted(self) -> None:
        self.action_save()

    def collect(self) -> tuple[int, str]:
        if self.chosen_id is None:
            self.query_one("#colleagues").focus()
            raise ValueError("Choose the colleague first.")
        return self.chosen_id, self.query_one("#handoff-reason", TextBox).value

    def save(self, values: tuple[int, str]) -> str:
        colleague_id, reason = values
        self.forms.hand_off(self.interaction_id, colleague_id, reason)
        return next(colleague.name for colleague in self.form.colleagues if colleague.id == colleague_id)
