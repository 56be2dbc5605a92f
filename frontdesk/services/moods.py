"""The customer's mood during an interaction, as the agent reads it, every change timestamped."""

from __future__ import annotations

from sqlmodel import Session, select

from frontdesk.db.models import Mood, MoodChange
from frontdesk.services import audit
from frontdesk.services.validation import ValidationError

MOODS: tuple[str, ...] = tuple(Mood)
"""calm, worried, upset, angry: in the order of the keys 1 to 4 that pick them."""


def set_mood(session: Session, interaction_id: int, agent_id: int, mood: str) -> MoodChange:
    if mood not in set(Mood):
        raise ValidationError("mood", f"Unknown mood {mood!r}; choose calm, worried, upset or angry.")
    change = MoodChange(interaction_id=interaction_id, agent_id=agent_id, mood=mood)
    session.add(change)
    audit.record(session, agent_id, "mood", "interaction", interaction_id, mood)
    session.commit()
    session.refresh(change)
    return change


def mood_history(session: Session, interaction_id: int) -> list[MoodChange]:
    query = select(MoodChange).where(MoodChange.interaction_id == interaction_id)
    return list(session.exec(query.order_by(MoodChange.at, MoodChange.id)))


def current_mood(session: Session, interaction_id: int) -> str | None:
    """The latest reading only: read on every refresh of a live call, so one row, not the whole history."""
    query = select(MoodChange.mood).where(MoodChange.interaction_id == interaction_id)
    return session.exec(query.order_by(MoodChange.at.desc(), MoodChange.id.desc()).limit(1)).first()
