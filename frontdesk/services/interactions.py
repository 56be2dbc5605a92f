"""Interactions and their notes: every contact has one owner and keeps what was said."""

from __future__ import annotations

from sqlmodel import Session, select

from frontdesk.clock import utcnow
from frontdesk.db.models import Channel, Interaction, Note
from frontdesk.services import audit
from frontdesk.services.validation import ValidationError, clean_line, clean_text

NOTE_MAX_LENGTH = 200_000
"""Far above any real note (a pasted email is ~100 KB at worst), low enough to stop a runaway paste."""


def start_interaction(
    session: Session, agent_id: int, customer_id: int | None, channel: str = Channel.PHONE, reason: str = ""
) -> Interaction:
    if channel not in set(Channel):
        raise ValidationError("channel", f"Unknown channel {channel!r}; choose phone, walk-in, email or chat.")
    reason = clean_line(reason, field="reason", label="Reason", max_length=500)
    interaction = Interaction(
        customer_id=customer_id, channel=channel, reason=reason, owner_id=agent_id, created_by_id=agent_id
    )
    session.add(interaction)
    session.flush()
    audit.record(session, agent_id, "create", "interaction", interaction.id, f"channel={channel}")
    session.commit()
    session.refresh(interaction)
    return interaction


def add_note(session: Session, interaction_id: int, agent_id: int, text: str, *, verbatim: bool = False) -> Note:
    text = clean_text(text, field="note", label="The note", max_length=NOTE_MAX_LENGTH, required=True)
    note = Note(interaction_id=interaction_id, agent_id=agent_id, text=text, verbatim=verbatim)
    session.add(note)
    session.commit()
    session.refresh(note)
    return note


def end_interaction(session: Session, interaction_id: int, agent_id: int, outcome: str, summary: str = "") -> Interaction:
    interaction = session.get(Interaction, interaction_id)
    interaction.outcome = clean_line(outcome, field="outcome", label="Outcome", max_length=40, required=True)
    interaction.summary = clean_text(summary, field="summary", label="Summary", max_length=NOTE_MAX_LENGTH)
    interaction.ended_at = utcnow()
    audit.record(session, agent_id, "close", "interaction", interaction_id, f"outcome={interaction.outcome}")
    session.commit()
    session.refresh(interaction)
    return interaction


def interactions_of(session: Session, customer_id: int, limit: int | None = None) -> list[Interaction]:
    """Newest first: the customer's story as the next agent needs to read it."""
    query = (
        select(Interaction)
        .where(Interaction.customer_id == customer_id)
        .order_by(Interaction.started_at.desc(), Interaction.id.desc())
        .limit(limit)
    )
    return list(session.exec(query))


def last_interaction(session: Session, customer_id: int) -> Interaction | None:
    found = interactions_of(session, customer_id, limit=1)
    return found[0] if found else None


def notes_of(session: Session, interaction_id: int) -> list[Note]:
    query = select(Note).where(Note.interaction_id == interaction_id).order_by(Note.created_at, Note.id)
    return list(session.exec(query))
