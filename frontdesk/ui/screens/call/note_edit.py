"""Correcting a note afterwards; the earlier wording stays in the note's history."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Label, Static, TextArea

from frontdesk.clock.now import to_local
from frontdesk.services.desk import Desk
from frontdesk.db.models import Note
from frontdesk.services.notes import edit_note, edits_of
from frontdesk.services.validation import ValidationError
from frontdesk.ui.widgets.literal import literal


class NoteEditScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note-edit.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note-edit.cancel"),
    ]
    AUTO_FOCUS = "#note-text"

    def __init__(self, desk: Desk, note: Note) -> None:
        super().__init__()
        self.desk = desk
        self.note = note
        with desk.session() as session:
            self.edits = edits_of(session, note.id)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Note taken at {to_local(self.note.created_at):%H:%M:%S}", classes="dialog-title", markup=False)
            yield TextArea(self.note.text, id="note-text", soft_wrap=True)
            yield Checkbox("The customer's own words (kept verbatim)", self.note.verbatim, id="note-verbatim")
            if self.edits:
                history = Text("Earlier versions:", style="bold")
                for edit in self.edits:
                    history.append(f"\n  {to_local(edit.at):%H:%M:%S}  ")
                    history.append_text(literal(edit.previous_text))
                yield Static(history, id="note-history")
            yield Label("", id="note-error", classes="error", markup=False)
            yield Static("Ctrl+S saves, Escape leaves the note as it was.", markup=False)

    def action_save(self) -> None:
        try:
            with self.desk.session() as session:
                edit_note(
                    session, self.note.id, self.desk.agent_id, self.query_one("#note-text", TextArea).text,
                    verbatim=self.query_one("#note-verbatim", Checkbox).value,
                )
        except ValidationError as error:
            self.query_one("#note-error", Label).update(str(error))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
