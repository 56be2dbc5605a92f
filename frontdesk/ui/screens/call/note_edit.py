"""Correcting a note afterwards; the earlier wording stays in the note's history, and nobody's edit is lost."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Checkbox, Static

from frontdesk.clock.dates import clock_words
from frontdesk.services.desk import Desk
from frontdesk.services.facades.call_forms import CallForms
from frontdesk.services.notes import EarlierWording, NoteChanged, NoteRow
from frontdesk.ui.background import in_background
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.literal import literal, quoted
from frontdesk.ui.widgets.edit_boxes import TextBoxArea


def history_text(wordings: tuple[EarlierWording, ...]) -> Text:
    history = Text("Earlier versions:", style="bold")
    for wording in wordings:
        history.append(f"\n  {clock_words(wording.at, seconds=True)}  ")
        history.append_text(literal(wording.text))
        history.append(f"  (changed by {wording.changed_by})", style="dim")
    return history


def theirs_text(conflict: NoteChanged) -> Text:
    text = Text("The note now says (saved on another terminal):", style="bold yellow")
    for line in conflict.theirs:
        text.append("\n  ")
        text.append_text(quoted(line) if conflict.verbatim else literal(line))
    return text


class NoteEditScreen(FormDialog[bool]):
    """Saves only over the wording the agent saw; a colleague's edit in between is shown, never overwritten blindly.

    The version read with the note goes with the save. If another terminal saved the note since,
    their wording appears under the box, the agent's text stays in it, and the next Ctrl+S saves
    the agent's text on top of theirs (theirs is kept in the note's history like every edit).
    """

    CANCELLED = False
    AUTO_FOCUS = "#note-text"

    def __init__(self, desk: Desk, note: NoteRow) -> None:
        super().__init__(desk)
        self.forms = CallForms(desk)
        self.note = note
        self.version = note.version
        """The version this edit saves over: the one read, or theirs once it has been shown."""

    def dialog_title(self) -> str:
        return f"Note taken at {clock_words(self.note.created_at, seconds=True)}"

    def compose_form(self) -> ComposeResult:
        yield TextBoxArea(self.note.text, id="note-text", soft_wrap=True)
        yield Checkbox("The customer's own words (kept verbatim)", self.note.verbatim, id="note-verbatim")
        yield Static("", id="note-theirs", classes="hidden")
        yield Static("", id="note-history", classes="hidden")
        yield Static("Ctrl+S saves, Escape leaves the note as it was.", markup=False)

    def load(self) -> tuple[EarlierWording, ...]:
        return self.forms.earlier_wordings(self.note.id)

    def show_loaded(self, wordings: tuple[EarlierWording, ...]) -> None:
        if wordings:
            history = self.query_one("#note-history", Static)
            history.update(history_text(wordings))
            history.remove_class("hidden")

    def collect(self) -> tuple[str, bool, int]:
        return self.query_one("#note-text", TextBoxArea).text, self.query_one("#note-verbatim", Checkbox).value, self.version

    def save(self, values: tuple[str, bool, int]) -> bool:
        text, verbatim, version = values
        self.forms.edit_note(self.note.id, text, verbatim, version)
        return True

    def show_error(self, problem: Exception | str | None) -> None:
        if isinstance(problem, NoteChanged):
            self.version = problem.version
            theirs = self.query_one("#note-theirs", Static)
            theirs.update(theirs_text(problem))
            theirs.remove_class("hidden")
            in_background(self, self.load, self.show_loaded, group="form-load")  # what they replaced joined the history
        super().show_error(problem)
