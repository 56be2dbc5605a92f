"""After a resolved case: offer to ask the customer, a few working days on, how it went."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Static

from frontdesk.clock.now import utcnow
from frontdesk.clock.preview import describe_when
from frontdesk.services.desk import Desk
from frontdesk.services.facades.call_forms import CallForms, FollowUpOffer
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog


class FollowUpOfferScreen(FormDialog[bool]):
    """y (or Ctrl+S) schedules the follow-up; n or Escape skips it. Returns True once scheduled."""

    BINDINGS = [
        Binding("y", "save", "Schedule", id="follow-up.yes"),
        Binding("n", "cancel", "Not this time", id="follow-up.no"),
    ]
    DIALOG_TITLE = "Resolved. Follow up?"
    CANCELLED = False
    AUTO_FOCUS = "#follow-up-yes"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__(desk)
        self.forms = CallForms(desk)
        self.interaction_id = interaction_id
        self.offer: FollowUpOffer | None = None

    def compose_form(self) -> ComposeResult:
        yield Static("Most unhappy customers never complain; they just leave.", id="follow-up-when")
        with Horizontal(classes="buttons"):
            yield Button("Schedule it (y)", id="follow-up-yes", variant="primary")
            yield Button("Not this time (n)", id="follow-up-no")

    def load(self) -> FollowUpOffer:
        return self.forms.follow_up_offer()

    def show_loaded(self, offer: FollowUpOffer) -> None:
        self.offer = offer
        self.query_one("#follow-up-when", Static).update(Text.assemble(
            "Most unhappy customers never complain; they just leave. Ask how it went on ",
            (describe_when(offer.due, now=utcnow()), "bold"), "?",
        ))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "follow-up-yes" else self.action_cancel()

    def collect(self) -> FollowUpOffer:
        if self.offer is None:
            raise ValueError("Still working out when to ask; try again in a moment.")
        return self.offer

    def save(self, offer: FollowUpOffer) -> bool:
        self.forms.make_follow_up(self.interaction_id, offer.rules)
        return True

    def saved(self, result: bool) -> None:
        self.notify("Follow-up scheduled; it is in your promises.")
        self.dismiss(result)
