"""Where a live call's notes are typed: the line, saved as a draft while it is typed, and a note on Enter."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, Static

from frontdesk.clock.dates import clock_words
from frontdesk.clock.now import utcnow
from frontdesk.services.errors import DeskUnavailable
from frontdesk.services.facades.calls import LiveCall
from frontdesk.services.notes import NOTE_MAX_LENGTH, Draft
from frontdesk.ui.screens.call.in_order import InOrder
from frontdesk.ui.widgets.note_line import NoteLine
from frontdesk.ui.widgets.edit_boxes import TextBox

DRAFT_EVERY = 0.4
"""Seconds between draft saves while typing: a crash loses less than half a second of words."""


class NotePad(Vertical):
    """Nothing typed is lost: the draft follows the box, and a line refused by the database comes back to it."""

    DEFAULT_CSS = """
    NotePad { height: auto; }
    """

    class Saved(Message):
        """A line became a note."""

    def __init__(self, call: LiveCall, writes: InOrder, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.call = call
        self.writes = writes
        self.verbatim = False
        """The line is the customer's own words (Ctrl+T)."""
        self.draft_dirty = False
        """The box changed since the last draft was saved."""
        self.stored = ("", False)
        """The line and its verbatim mark as the database holds them: what needs no saving again."""
        self.ready = False
        """The stored draft has been read back: until then nothing is written over it (neither draft nor note)."""
        self.paste_notice = ""
        """What the last paste kept or cut off, said until the next line becomes a note (draft saves do not hide it)."""

    def compose(self) -> ComposeResult:
        yield Label("", id="line-kind", markup=False)
        yield NoteLine(self.commit, placeholder="Type what you hear; Enter saves the line", id="note-line",
                       max_length=NOTE_MAX_LENGTH)
        yield Static("", id="draft-status", markup=False)

    def on_mount(self) -> None:
        self.set_interval(DRAFT_EVERY, self.save_draft_if_typed)

    @property
    def line(self) -> NoteLine:
        return self.query_one("#note-line", NoteLine)

    def say(self, status: str) -> None:
        """On the status line under the box; a save that finishes while the app is closing finds it already gone."""
        for line in self.query("#draft-status").results(Static):
            line.update(status)

    def restore(self, draft: Draft | None) -> None:
        """The line left unsaved last time comes back in front of anything typed while the call opened."""
        self.ready = True
        if draft is not None:
            self.stored = (draft.text, draft.verbatim)
            self.put_back(draft.text, draft.verbatim)
            self.say("Draft restored: nothing you typed was lost.")

    def put_back(self, text: str, verbatim: bool) -> None:
        typed_since = self.line.value
        self.line.value = f"{text} {typed_since}" if typed_since else text
        self.line.cursor_position = len(self.line.value)
        self.verbatim = self.verbatim or verbatim
        self.show_line_kind()

    @on(NoteLine.Pasted)
    def pasted(self, event: NoteLine.Pasted) -> None:
        """The agent sees what a paste kept: every line as one note, or its first part when it was too long."""
        if not self.ready:  # the stored draft is still on its way back: the paste waits for it, whole
            self.set_timer(0.1, lambda: self.pasted(event))
            return
        cut = f" It was {event.dropped:,} characters too long for a note: only its first part was kept." if event.dropped else ""
        if event.lines > 1:
            self.commit(event.text)
            self.paste_notice = f"Pasted {event.lines} lines: kept as one note (↑ then Enter to correct it).{cut}"
        else:
            self.paste_notice = cut.strip()
        self.say(self.paste_notice)
        if cut:
            self.app.notify(cut.strip(), severity="warning")

    @on(TextBox.Changed, "#note-line")
    def typed(self) -> None:
        self.draft_dirty = True

    @on(TextBox.Blurred, "#note-line")
    def save_draft_if_typed(self) -> None:
        """Never two saves at once: while the database is still busy with the last write, the next tick tries."""
        if not self.ready or not self.draft_dirty or self.writes.busy:
            return
        typed = (self.line.value, self.verbatim)
        self.draft_dirty = False
        if typed != self.stored:
            self.writes.add(lambda: self.call.save_draft(*typed), lambda _nothing: self.draft_saved(typed), self.draft_refused)

    def draft_saved(self, typed: tuple[str, bool]) -> None:
        self.stored = typed
        self.say(" ".join(part for part in (self.paste_notice, f"Draft saved {clock_words(utcnow(), seconds=True)}") if part))

    def draft_refused(self, problem: Exception) -> None:
        if not self.writes.showing():
            return  # the call is over: its draft no longer matters
        self.draft_dirty = True
        busy = isinstance(problem, DeskUnavailable)
        self.say("The database is busy; the draft will be saved again shortly." if busy else str(problem))

    def commit(self, text: str) -> None:
        """Saves `text` (the whole box, as it was at Enter) as a note, after every write asked for before it.

        The box is emptied at once, so the next line can be typed while the database answers; if
        the note is refused, its text comes back in front of whatever was typed since.
        """
        if not text.strip() or not self.ready:
            return  # an empty line is not a note; before the draft is back, Enter waits (the line stays)
        verbatim = self.verbatim
        self.line.value = ""
        self.stored = ("", False)  # the note's commit deletes the draft; a refused note puts its line back
        self.verbatim = False
        self.show_line_kind()
        self.say("")
        self.paste_notice = ""
        self.writes.add(lambda: self.call.add_note(text, verbatim), lambda _nothing: self.post_message(self.Saved()),
                        lambda problem: self.refused(text, verbatim, problem))

    def refused(self, text: str, verbatim: bool, problem: Exception) -> None:
        if not self.writes.showing():
            self.app.notify(Text(f"This line was not saved ({problem}): {text}"), severity="error", timeout=60)
            return  # the call was closed meanwhile: the box is gone, so the line is said instead
        self.put_back(text, verbatim)
        self.draft_dirty = True
        if isinstance(problem, DeskUnavailable):
            problem = "The database is busy; the line was not saved yet. It is back in the box: press Enter again."
        self.app.notify(str(problem), severity="error")

    def toggle_verbatim(self) -> None:
        self.verbatim = not self.verbatim
        self.draft_dirty = True
        self.show_line_kind()

    def show_line_kind(self) -> None:
        kind = self.query_one("#line-kind", Label)
        kind.update("The customer's own words: kept verbatim (Ctrl+T to switch off)" if self.verbatim else "")
        kind.set_class(self.verbatim, "verbatim")
