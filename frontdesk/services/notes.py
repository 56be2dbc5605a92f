"""Notes taken while listening: committed lines, their edit history, and the line still being typed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Interaction, Note, NoteDraft, NoteEdit
from frontdesk.services import audit
from frontdesk.services.validation import ValidationError, exact_text

NOTE_MAX_LENGTH = 200_000
"""Far above any real note (a pasted email is ~100 KB at worst), low enough to stop a runaway paste."""


@dataclass(frozen=True)
class Draft:
    text: str
    verbatim: bool


def checked_note(text: str) -> str:
    """Notes are evidence, not form fields: kept exactly, whatever was pasted."""
    return exact_text(text, field="note", label="The note", max_length=NOTE_MAX_LENGTH)


def add_note(session: Session, interaction_id: int, agent_id: int, text: str, *, verbatim: bool = False) -> Note:
    """Commits the line and clears this agent's draft in the same transaction: never both, never neither."""
    text = checked_note(text)
    interaction = session.get(Interaction, interaction_id)
    if interaction is None or interaction.ended_at is not None:
        raise ValidationError("note", "This interaction is already wrapped up; the line stays in the box.")
    note = Note(interaction_id=interaction_id, agent_id=agent_id, text=text, verbatim=verbatim)
    session.add(note)
    session.flush()
    audit.record(session, agent_id, "create", "note", note.id, f"interaction={interaction_id}")
    draft = _draft_row(session, interaction_id, agent_id)
    if draft is not None:
        session.delete(draft)
    session.commit()
    session.refresh(note)
    return note


def edit_note(session: Session, note_id: int, agent_id: int, text: str, *, verbatim: bool) -> Note:
    """The earlier wording is kept in NoteEdit; an edit never silently replaces what was written."""
    text = checked_note(text)
    note = session.get(Note, note_id)
    if note.text == text and note.verbatim == verbatim:
        return note
    session.add(NoteEdit(note_id=note_id, agent_id=agent_id, previous_text=note.text, previous_verbatim=note.verbatim))
    note.text, note.verbatim, note.edited_at = text, verbatim, utcnow()
    audit.record(session, agent_id, "edit", "note", note_id)
    session.commit()
    session.refresh(note)
    return note


def notes_of(session: Session, interaction_id: int) -> list[Note]:
    query = select(Note).where(Note.interaction_id == interaction_id).order_by(Note.created_at, Note.id)
    return list(session.exec(query))


def edits_of(session: Session, note_id: int) -> list[NoteEdit]:
    return list(session.exec(select(NoteEdit).where(NoteEdit.note_id == note_id).order_by(NoteEdit.at, NoteEdit.id)))


def save_draft(session: Session, interaction_id: int, agent_id: int, text: str, *, verbatim: bool = False) -> None:
    """Stored as typed, unvalidated: a half-typed line is still the agent's words and must survive a crash."""
    draft = _draft_row(session, interaction_id, agent_id)
    if draft is None:
        draft = NoteDraft(interaction_id=interaction_id, agent_id=agent_id)
        session.add(draft)
    draft.text, draft.verbatim, draft.updated_at = text, verbatim, utcnow()
    session.commit()


def draft_of(session: Session, interaction_id: int, agent_id: int) -> Draft | None:
    draft = _draft_row(session, interaction_id, agent_id)
    return Draft(draft.text, draft.verbatim) if draft is not None and draft.text else None


def _draft_row(session: Session, interaction_id: int, agent_id: int) -> NoteDraft | None:
    query = select(NoteDraft).where(NoteDraft.interaction_id == interaction_id, NoteDraft.agent_id == agent_id)
    return session.exec(query).first()
