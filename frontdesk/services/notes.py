"""Notes taken while listening: committed lines, their edit history, and the line still being typed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from frontdesk.clock.dates import clock_words
from frontdesk.clock.now import utcnow
from frontdesk.db.models import Interaction, Note, NoteDraft, NoteEdit
from frontdesk.services import audit
from frontdesk.services.agents import agent_names
from frontdesk.services.errors import EditConflict
from frontdesk.services.validation import ValidationError, exact_text

NOTE_MAX_LENGTH = 200_000
"""Far above any real note (a pasted email is ~100 KB at worst), low enough to stop a runaway paste."""


@dataclass(frozen=True)
class Draft:
    text: str
    verbatim: bool


@dataclass(frozen=True)
class NoteRow:
    """A note as screens show it; `version` is what an edit of it must still find to save."""

    id: int
    version: int
    interaction_id: int
    created_at: datetime
    text: str
    verbatim: bool
    edited_at: datetime | None

    @classmethod
    def of(cls, note: Note) -> NoteRow:
        return cls(note.id, note.version, note.interaction_id, note.created_at, note.text, note.verbatim, note.edited_at)


@dataclass(frozen=True)
class EarlierWording:
    """What a note said before one of its edits, and who changed it."""

    at: datetime
    text: str
    verbatim: bool
    changed_by: str


class NoteChanged(EditConflict):
    """The note was edited on another terminal after this edit began; `theirs` holds their wording.

    `version` is the note's version now: an edit made knowing their wording saves on top of it.
    """

    def __init__(self, note: Note, changed_by: str) -> None:
        when = f" at {clock_words(note.edited_at, seconds=True)}" if note.edited_at else ""
        super().__init__(
            "note",
            f"{changed_by or 'Someone'} changed this note{when} while you were editing it; their wording is shown "
            "below and yours is still in the box. Ctrl+S again saves yours over it (theirs stays in the note's history).",
            theirs=(note.text,),
        )
        self.version = note.version
        self.verbatim = note.verbatim


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


def edit_note(session: Session, note_id: int, agent_id: int, text: str, *, verbatim: bool, version: int | None = None) -> Note:
    """The earlier wording is kept in NoteEdit; an edit never silently replaces what was written.

    `version` is the version the agent saw when the edit began; if the note has been saved since,
    NoteChanged says what it says now instead of overwriting it. The version column also refuses
    a save that races another terminal's between this read and this write (StaleDataError).
    """
    text = checked_note(text)
    note = session.get(Note, note_id)
    if note is None:
        raise ValidationError("note", "That note no longer exists.")
    if version is not None and note.version != version:
        raise _changed(session, note)
    if note.text == text and note.verbatim == verbatim:
        return note
    session.add(NoteEdit(note_id=note_id, agent_id=agent_id, previous_text=note.text, previous_verbatim=note.verbatim))
    note.text, note.verbatim, note.edited_at = text, verbatim, utcnow()
    audit.record(session, agent_id, "edit", "note", note_id)
    try:
        session.commit()
    except StaleDataError:
        session.rollback()
        raise _changed(session, session.get(Note, note_id, populate_existing=True)) from None
    session.refresh(note)
    return note


def _changed(session: Session, note: Note) -> NoteChanged:
    last = session.exec(select(NoteEdit.agent_id).where(NoteEdit.note_id == note.id).order_by(NoteEdit.id.desc())).first()
    return NoteChanged(note, agent_names(session).get(last, "") if last is not None else "")


def notes_of(session: Session, interaction_id: int) -> list[Note]:
    query = select(Note).where(Note.interaction_id == interaction_id).order_by(Note.created_at, Note.id)
    return list(session.exec(query))


def note_rows(session: Session, interaction_ids: Iterable[int]) -> dict[int, tuple[NoteRow, ...]]:
    """The notes of many interactions in one query, each interaction's in the order they were taken."""
    wanted = set(interaction_ids)
    found: dict[int, list[NoteRow]] = {interaction_id: [] for interaction_id in wanted}
    if wanted:
        query = select(Note).where(Note.interaction_id.in_(wanted)).order_by(Note.created_at, Note.id)
        for note in session.exec(query):
            found[note.interaction_id].append(NoteRow.of(note))
    return {interaction_id: tuple(rows) for interaction_id, rows in found.items()}


def edits_of(session: Session, note_id: int) -> list[NoteEdit]:
    return list(session.exec(select(NoteEdit).where(NoteEdit.note_id == note_id).order_by(NoteEdit.at, NoteEdit.id)))


def earlier_wordings(session: Session, note_id: int) -> tuple[EarlierWording, ...]:
    names = agent_names(session)
    return tuple(
        EarlierWording(edit.at, edit.previous_text, edit.previous_verbatim, names.get(edit.agent_id, "?"))
        for edit in edits_of(session, note_id)
    )


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
