"""After a resolved case: offer to ask the customer, a few working days on, how it went."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from frontdesk.clock.now import utcnow
from frontdesk.services.desk import Desk
from frontdesk.services.promises import follow_up_due, make_follow_up
from frontdesk.services.validation import ValidationError
from frontdesk.clock.typed_time import describe_when


class FollowUpOfferScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "schedule", "Schedule", id="follow-up.yes"),
        Binding("n,escape", "skip", "Not this time", id="follow-up.no"),
    ]
    AUTO_FOCUS = "#follow-up-yes"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__()
        self.desk, self.interaction_id = desk, interaction_id
        self.rules = desk.rules()
        self.due = follow_up_due(self.rules, utcnow())

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Resolved. Follow up?", classes="dialog-title", markup=False)
            yield Static(Text.assemble(
                "Most unhappy customers never complain; they just leave. Ask how it went on ",
                (describe_when(self.due, now=utcnow()), "bold"), "?",
            ))
            yield Label("", id="follow-up-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Schedule it (y)", id="follow-up-yes", variant="primary")
                yield Button("Not this time (n)", id="follow-up-no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_schedule() if event.button.id == "follow-up-yes" else self.action_skip()

    def action_schedule(self) -> None:
        try:
            with self.desk.session() as session:
                make_follow_up(session, self.desk.agent_id, self.interaction_id, self.rules)
        except ValidationError as problem:
            self.query_one("#follow-up-error", Label).update(str(problem))
            return
        self.notify("Follow-up scheduled; it is in your promises.")
        self.dismiss(True)

    def action_skip(self) -> None:
        self.dismiss(False)
