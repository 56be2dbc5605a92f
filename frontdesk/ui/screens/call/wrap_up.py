"""Wrap-up: outcome, a summary the agent edits before it is saved, and the customer's rating."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioButton, RadioSet, Select, Static, TextArea

from frontdesk.services.desk import Desk
from frontdesk.services.facades.call_forms import CallForms
from frontdesk.services.wrap_up import OUTCOME_WORDS, WrapUp
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog

NOT_ASKED = "not asked"


class WrapUpScreen(FormDialog[str | None]):
    """Returns the outcome once the interaction is closed, or None to go back to the call."""

    DIALOG_TITLE = "Wrap up"
    AUTO_FOCUS = "#outcome"
    DIALOG_ID = "wrap-up"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__(desk)
        self.forms = CallForms(desk)
        self.interaction_id = interaction_id
        self.drafted: str | None = None
        """The summary the desk drafted from the notes; None until it has been read."""
        self.unedited_warned = False

    def compose_form(self) -> ComposeResult:
        with RadioSet(id="outcome"):
            for outcome, words in OUTCOME_WORDS.items():
                yield RadioButton(words, name=outcome)
        yield Label("Summary: drafted from the notes; make it fit this customer before saving", markup=False)
        yield TextArea(id="summary", soft_wrap=True)
        yield Label("The customer's rating", markup=False)
        yield Select(
            [("Not asked", NOT_ASKED), *((f"{n} of 5", str(n)) for n in range(5, 0, -1))],
            value=NOT_ASKED, allow_blank=False, id="satisfaction",
        )
        yield Input(placeholder="Their comment, in their words (optional)", id="satisfaction-comment")
        yield Static("Ctrl+S saves and closes the call; Escape goes back to it.", markup=False)

    def load(self) -> str:
        return self.forms.draft_summary(self.interaction_id)

    def show_loaded(self, drafted: str) -> None:
        self.drafted = drafted
        summary = self.query_one("#summary", TextArea)
        summary.text = drafted + summary.text  # anything typed before the draft arrived stays, after it

    def collect(self) -> WrapUp:
        """A summary saved exactly as drafted is warned about once; the second Ctrl+S saves it, flagged."""
        if self.drafted is None:
            raise ValueError("Still drafting the summary from the notes; try again in a moment.")
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        rating = str(self.query_one("#satisfaction", Select).value)
        wrap = WrapUp(
            outcome=pressed.name if pressed is not None else "",
            summary=self.query_one("#summary", TextArea).text,
            drafted_summary=self.drafted,
            satisfaction=None if rating == NOT_ASKED else int(rating),
            satisfaction_comment=self.query_one("#satisfaction-comment", Input).value,
            satisfaction_asked=rating != NOT_ASKED,
        )
        if wrap.summary.strip() == self.drafted.strip() and not self.unedited_warned:
            self.unedited_warned = True
            self.query_one("#summary").focus()
            raise ValueError("The summary is exactly as drafted. Edit it for this customer, "
                             "or press Ctrl+S again to save it flagged as unedited.")
        return wrap

    def save(self, wrap: WrapUp) -> str:
        self.forms.wrap_up(self.interaction_id, wrap)
        return wrap.outcome
