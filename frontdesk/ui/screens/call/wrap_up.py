"""Wrap-up: outcome, a summary the agent edits before it is saved, and the customer's rating."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Select, Static, TextArea

from frontdesk.db.models import Outcome
from frontdesk.services.desk import Desk
from frontdesk.services.validation import ValidationError
from frontdesk.services.wrap_up import OUTCOME_WORDS, WrapUp, draft_summary, wrap_up

NOT_ASKED = "not asked"


class WrapUpScreen(ModalScreen[str | None]):
    """Returns the outcome once the interaction is closed, or None to go back to the call."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save and close", id="wrap.save", priority=True),
        Binding("escape", "cancel", "Back to the call", id="wrap.cancel"),
    ]
    AUTO_FOCUS = "#outcome"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__()
        self.desk = desk
        self.interaction_id = interaction_id
        with desk.session() as session:
            self.drafted = draft_summary(session, interaction_id)
        self.unedited_warned = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="wrap-up", classes="dialog"):
            yield Static("Wrap up", classes="dialog-title", markup=False)
            with RadioSet(id="outcome"):
                for outcome in Outcome:
                    yield RadioButton(OUTCOME_WORDS[outcome], name=outcome.value)
            yield Label("Summary: drafted from the notes; make it fit this customer before saving", markup=False)
            yield TextArea(self.drafted, id="summary", soft_wrap=True)
            yield Label("The customer's rating", markup=False)
            yield Select(
                [("Not asked", NOT_ASKED), *((f"{n} of 5", str(n)) for n in range(5, 0, -1))],
                value=NOT_ASKED, allow_blank=False, id="satisfaction",
            )
            yield Input(placeholder="Their comment, in their words (optional)", id="satisfaction-comment")
            yield Label("", id="wrap-error", classes="error", markup=False)
            yield Static("Ctrl+S saves and closes the call; Escape goes back to it.", markup=False)

    def wrap(self) -> WrapUp:
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        rating = str(self.query_one("#satisfaction", Select).value)
        return WrapUp(
            outcome=pressed.name if pressed is not None else "",
            summary=self.query_one("#summary", TextArea).text,
            drafted_summary=self.drafted,
            satisfaction=None if rating == NOT_ASKED else int(rating),
            satisfaction_comment=self.query_one("#satisfaction-comment", Input).value,
            satisfaction_asked=rating != NOT_ASKED,
        )

    def action_save(self) -> None:
        wrap = self.wrap()
        error = self.query_one("#wrap-error", Label)
        if wrap.summary.strip() == self.drafted.strip() and not self.unedited_warned:
            self.unedited_warned = True
            error.update("The summary is exactly as drafted. Edit it for this customer, or press Ctrl+S again to save it flagged as unedited.")
            self.query_one("#summary").focus()
            return
        try:
            with self.desk.session() as session:
                wrap_up(session, self.interaction_id, self.desk.agent_id, wrap)
        except ValidationError as problem:
            error.update(str(problem))
            return
        self.dismiss(wrap.outcome)

    def action_cancel(self) -> None:
        self.dismiss(None)
