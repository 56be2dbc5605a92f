"""The notes of the call so far: timestamped, the customer's own words in quotes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from frontdesk.clock.dates import clock_words
from frontdesk.services.notes import NoteRow
from frontdesk.ui.widgets.literal import literal, quoted


def note_text(note: NoteRow) -> Text:
    text = Text(f"{clock_words(note.created_at, seconds=True)}  ", style="dim")
    text.append_text(quoted(note.text) if note.verbatim else literal(note.text))
    if note.edited_at is not None:
        text.append("  (edited)", style="dim")
    return text


class NotesLog(OptionList):
    """Enter on a note opens it for correction; Escape returns to typing."""

    BINDINGS = [Binding("escape", "back_to_typing", "Back to typing", id="notes.back")]

    def show(self, notes: Sequence[NoteRow]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Option(note_text(note), id=str(note.id)) for note in notes])
        if notes:
            self.highlighted = min(highlighted, len(notes) - 1) if highlighted is not None else None
            self.scroll_end(animate=False)

    def action_back_to_typing(self) -> None:
        self.screen.query_one("#note-line").focus()
