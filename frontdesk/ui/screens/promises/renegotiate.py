"""Moving a promise's due time, only after the customer has been told; the history keeps every change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Checkbox, Label, Static

from frontdesk.clock.dates import clock_words, date_words
from frontdesk.clock.now import to_local, utcnow
from frontdesk.clock.preview import describe_when
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.facades.promises import PromiseBook
from frontdesk.services.promise_conflicts import PromiseConflict, SeenPromise
from frontdesk.services.promise_rows import PromiseRow
from frontdesk.services.promise_checks import PromiseCheck
from frontdesk.services.promises import PromiseNeedsConfirmation
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog, problem_text
from frontdesk.ui.screens.promises.promise_form import warnings_text
from frontdesk.ui.widgets.promise_text import customer_said, history_text
from frontdesk.ui.widgets.when_field import WhenField
from frontdesk.ui.widgets.edit_boxes import TextBox

ON_TOP = "Ctrl+S again puts your time on top of theirs; Escape keeps theirs."


@dataclass(frozen=True)
class Move:
    seen: SeenPromise
    new_due_at: datetime
    customer_told: bool
    note: str
    confirmed: bool


def move_check_text(check: PromiseCheck) -> Text:
    """Why the new time may not be kept, the times nearby that would work (to type instead), and the key to go on."""
    text = warnings_text(check)
    if check.alternatives:
        text.append("Times the desk can keep: " + "; ".join(describe_when(moment, now=utcnow()) for moment in check.alternatives) + "\n")
    text.append("Ctrl+S again to move it anyway.", style="bold")
    return text


class RenegotiateScreen(FormDialog[bool]):
    DIALOG_TITLE = "Move the due time"
    CANCELLED = False
    AUTO_FOCUS = "#renegotiate-due .when-input"

    def __init__(self, desk: Desk, row: PromiseRow) -> None:
        super().__init__(desk)
        self.row, self.book = row, PromiseBook(desk)
        self.seen = row.seen
        """The promise as the agent last saw it: the row, or the other desk's version once a conflict showed it."""
        self.confirmed_for: datetime | None = None
        self.attempt: datetime | None = None

    def compose_form(self) -> ComposeResult:
        yield Static(self.now_due(), id="renegotiate-now")
        yield Static(history_text(self.row.moves), id="renegotiate-history")
        yield Label("New due time", markup=False)
        yield WhenField("tomorrow 3pm, fri, in 2 days", id="renegotiate-due")
        yield Checkbox("The customer has been told of the new time", id="renegotiate-told")
        yield TextBox(placeholder="Note (why it moved)", id="renegotiate-note")
        yield Static(id="renegotiate-check")

    def load(self) -> DeskRules:
        return self.desk.rules()

    def show_loaded(self, rules: DeskRules) -> None:
        self.query_one("#renegotiate-due", WhenField).use_hours(rules.opening_hours)

    def now_due(self) -> Text:
        return Text.assemble((customer_said(self.row), "bold"), ": ", self.row.what,
                             f"\nNow due {date_words(to_local(self.seen.due_at).date(), year=False)}, {clock_words(self.seen.due_at)}")

    def collect(self) -> Move:
        self.attempt = self.query_one("#renegotiate-due", WhenField).moment
        return Move(self.seen, self.attempt, self.query_one("#renegotiate-told", Checkbox).value,
                    self.query_one("#renegotiate-note", TextBox).value, self.confirmed_for == self.attempt)

    def save(self, move: Move) -> bool:
        self.book.move(move.seen, move.new_due_at, customer_told=move.customer_told, note=move.note, confirmed=move.confirmed)
        return True

    def show_error(self, problem: Exception | str | None) -> None:
        if isinstance(problem, PromiseNeedsConfirmation):
            self.confirmed_for = self.attempt
            shown = self.query_one("#renegotiate-check", Static)
            shown.update(move_check_text(problem.check))
            self.bring_into_view(shown)
            return
        if isinstance(problem, PromiseConflict) and problem.current is not None:
            self.seen = problem.current
            self.query_one("#renegotiate-now", Static).update(self.now_due())
            # The history read on opening no longer holds ("Never moved."); the other desk's move is said below.
            self.query_one("#renegotiate-history", Static).update(Text("Moved at another desk since this opened: see below."))
            problem = f"{problem_text(problem)}\n{ON_TOP}"
        super().show_error(problem)

