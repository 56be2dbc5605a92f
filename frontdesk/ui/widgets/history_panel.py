"""The customer's past interactions with their notes, newest first, narrowed by typing."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from frontdesk.clock.dates import clock_words, day_month_year
from frontdesk.lookup import normalize
from frontdesk.services.call_view import PastInteraction
from frontdesk.services.numbers import shown_count
from frontdesk.services.outcomes import outcome_words
from frontdesk.ui.widgets.literal import literal, quoted
from frontdesk.ui.widgets.edit_boxes import TextBox


def matches_filter(past: PastInteraction, typed: str) -> bool:
    """Folded like the lookup, so 'ali' finds علی-free Latin text and Greek without accents."""
    wanted = normalize(typed)
    if not wanted:
        return True
    haystack = " ".join([past.reason, past.summary, outcome_words(past.outcome), past.owner, *(note.text for note in past.notes)])
    return wanted in normalize(haystack)


def past_text(past: PastInteraction) -> Text:
    text = Text.assemble(
        (f"{day_month_year(past.started_at)} {clock_words(past.started_at)}", "bold"), f"  {past.channel} with {past.owner}: ",
        past.reason or "no reason noted", (f"  [{outcome_words(past.outcome, unset='open')}]", "dim"),
    )
    for note in past.notes:
        text.append("\n    ")
        text.append_text(quoted(note.text) if note.verbatim else literal(note.text))
    if past.summary:
        text.append_text(Text.assemble("\n    ", ("Summary: ", "bold"), literal(past.summary)))
    return text


class HistoryPanel(Vertical):
    """Escape from the filter goes back to typing, as F8 does."""

    BINDINGS = [Binding("escape", "screen.hide_history", "Back to typing", id="history.back")]
    DEFAULT_CSS = """
    HistoryPanel {
        & #history-filter { margin: 0; }
        & #history-scroll { height: 1fr; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history: Sequence[PastInteraction] = ()

    def compose(self) -> ComposeResult:
        yield TextBox(placeholder="Filter the history (F8)", id="history-filter")
        with VerticalScroll(id="history-scroll"):
            yield Static(id="history-text")

    def show(self, history: Sequence[PastInteraction]) -> None:
        self.history = history
        self.refilter()

    @on(TextBox.Changed, "#history-filter")
    def refilter(self) -> None:
        typed = self.query_one("#history-filter", TextBox).value
        shown = [past for past in self.history if matches_filter(past, typed)]
        text = Text(f"History: {shown_count(len(shown))} of {shown_count(len(self.history))} past interactions", style="bold")
        for past in shown:
            text.append("\n\n")
            text.append_text(past_text(past))
        self.query_one("#history-text", Static).update(text)
