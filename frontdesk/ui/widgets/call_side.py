"""What sits beside the notes of a live call (below them on a narrow terminal): courtesy, promises and history.

On a wide terminal all of it shows at once. On a narrow one (app.tcss, `FrontDeskApp.-narrow`) a single line sums
it up, so the notes keep the room: the checklist opens while it is being ticked (F7), and the open promises
and the history open and close with F8.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from frontdesk.services.call_view import PastInteraction
from frontdesk.services.courtesy import CHECKLIST
from frontdesk.services.numbers import shown_count
from frontdesk.services.promise_rows import PromiseRow
from frontdesk.ui.widgets.courtesy_list import CourtesyList
from frontdesk.ui.widgets.history_panel import HistoryPanel
from frontdesk.ui.widgets.promise_text import promises_text


def summary_text(ticked: int, promises: Sequence[PromiseRow] | None, past: int | None, history_open: bool) -> Text:
    """"Courtesy 1/4 (F7) · 2 open promises, 1 OVERDUE · History: 3 past (F8)": what is folded away, and its key."""
    text = Text.assemble(("Courtesy ", "bold"), f"{shown_count(ticked)}/{shown_count(len(CHECKLIST))} (F7)")
    if promises:
        overdue = sum(row.overdue for row in promises)
        text.append_text(Text.assemble(" · ", (f"{shown_count(len(promises))} open promise{'s' if len(promises) > 1 else ''}", "bold")))
        if overdue:
            text.append(f", {shown_count(overdue)} OVERDUE", style="bold red")
    if past is not None:
        text.append_text(Text.assemble(" · ", ("History", "bold"), f": {shown_count(past)} past"))
    text.append(" (F8 hides)" if history_open else " (F8 shows)")
    return text


class CallSidePane(Vertical):
    """Keeps the one-line summary in step with the panels it folds away."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ticked = 0
        self.promises: Sequence[PromiseRow] | None = None
        """None while the call has no customer: nobody's promises to show."""
        self.past: int | None = None
        self.history_open = False

    def compose(self) -> ComposeResult:
        yield Static(id="side-summary")
        yield CourtesyList(id="courtesy")
        yield Static(id="side-promises")
        yield HistoryPanel(id="history")

    def on_mount(self) -> None:
        self.summarise()

    def show_courtesy(self, ticked: Collection[str]) -> None:
        self.query_one("#courtesy", CourtesyList).show(ticked)
        self.ticked = len(ticked)
        self.summarise()

    def show_promises(self, promises: Sequence[PromiseRow] | None) -> None:
        self.promises = promises
        self.query_one("#side-promises", Static).update(promises_text(promises) if promises is not None else "")
        self.summarise()

    def show_history(self, history: Sequence[PastInteraction]) -> None:
        self.query_one("#history", HistoryPanel).show(history)
        self.past = len(history)
        self.summarise()

    def open_history(self, history_open: bool) -> None:
        self.history_open = history_open
        self.summarise()

    def summarise(self) -> None:
        self.query_one("#side-summary", Static).update(summary_text(self.ticked, self.promises, self.past, self.history_open))
