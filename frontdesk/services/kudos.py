"""Kudos: a supervisor's thanks to an agent who served well (row 12), seen by the agent at their next sign-in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import aliased
from sqlmodel import Session, func, select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Agent, Kudos
from frontdesk.services import audit
from frontdesk.services.guards import require_supervisor
from frontdesk.services.locks import lock_row
from frontdesk.services.validation import ValidationError, clean_text


class Earned(StrEnum):
    """What a kudos was sent for, when it came from one of the desk's suggestions."""

    RATING = "rating"
    """The customer rated the interaction 5 (source: the interaction)."""
    PRAISE = "praise"
    """The customer praised the agent in their own words (source: the verbatim note)."""
    KEPT_EARLY = "kept-early"
    """A promise kept before it was due (source: the promise)."""
    CALMED = "calmed"
    """An upset or angry customer who ended the interaction calm (source: the interaction)."""
    FREE = ""
    """Sent without a suggestion, for whatever the supervisor saw."""


EARNED_WORDS = {
    Earned.RATING: "rated 5 by the customer", Earned.PRAISE: "praised in the customer's own words",
    Earned.KEPT_EARLY: "a promise kept early", Earned.CALMED: "an upset customer left calm", Earned.FREE: "",
}


@dataclass(frozen=True)
class KudosRow:
    kudos_id: int
    sender: str
    receiver: str
    note: str
    earned: str
    """What it was for, in words; empty for a kudos sent without a suggestion."""
    at: datetime


def send_kudos(session: Session, from_agent_id: int, to_agent_id: int, note: str,
               earned: str = Earned.FREE, source_id: int | None = None) -> Kudos:
    """One kudos per suggestion: of two supervisors sending it at once, the second hears who already did."""
    require_supervisor(session, from_agent_id, "send_kudos")
    note = clean_text(note, field="note", label="The note", max_length=2000, required=True)
    if earned not in set(Earned):
        raise ValidationError("earned", f"Unknown reason for kudos {earned!r}.")
    if to_agent_id == from_agent_id:
        raise ValidationError("to_agent", "Kudos go to a colleague, not to yourself.")
    receiver = lock_row(session, Agent, to_agent_id)  # the same suggestion sent twice at once: the second waits, then sees it
    if receiver is None or not receiver.active:
        raise ValidationError("to_agent", "That colleague is not at the desk (unknown or inactive).")
    if earned != Earned.FREE:
        sent = session.exec(select(Agent.name).join(Kudos, Kudos.from_agent_id == Agent.id).where(
            Kudos.source_kind == earned, Kudos.source_id == source_id)).first()
        if sent is not None:
            raise ValidationError("source", f"{sent} already sent kudos for this.")
    kudos = Kudos(from_agent_id=from_agent_id, to_agent_id=to_agent_id, note=note, source_kind=earned, source_id=source_id)
    return audit.created(session, kudos, from_agent_id, "kudos", f"to={to_agent_id} for={earned or 'free'}")


def has_unseen(session: Session, agent_id: int) -> bool:
    """One cheap read, so a sign-in with nothing new takes no write lock."""
    query = select(Kudos.id).where(Kudos.to_agent_id == agent_id, Kudos.seen_at == None).limit(1)  # noqa: E711
    return session.exec(query).first() is not None


def claim_unseen(session: Session, agent_id: int) -> list[KudosRow]:
    """The kudos the agent has not been shown yet, marked seen in the same step: two terminals never both show one."""
    lock_row(session, Agent, agent_id)
    rows = _rows(session, Kudos.to_agent_id == agent_id, Kudos.seen_at == None)  # noqa: E711  (SQL comparison)
    now = utcnow()
    for kudos in session.exec(select(Kudos).where(Kudos.id.in_([row.kudos_id for row in rows]))):
        kudos.seen_at = now
    session.commit()
    return rows


def kudos_for(session: Session, agent_id: int) -> list[KudosRow]:
    """Everything the agent was thanked for, newest first: the "my kudos" list."""
    return _rows(session, Kudos.to_agent_id == agent_id)


def kudos_counts(session: Session, since: datetime, until: datetime) -> dict[int, int]:
    """Kudos received per agent id in [since, until): one GROUP BY, for the figures per agent."""
    query = (
        select(Kudos.to_agent_id, func.count()).where(Kudos.at >= since, Kudos.at < until).group_by(Kudos.to_agent_id)
    )
    return {agent_id: int(count) for agent_id, count in session.exec(query)}


def _rows(session: Session, *conditions) -> list[KudosRow]:
    """One statement: the kudos with their sender's and receiver's names, newest first."""
    sender, receiver = aliased(Agent), aliased(Agent)
    query = (
        select(Kudos, sender.name, receiver.name)
        .join(sender, sender.id == Kudos.from_agent_id).join(receiver, receiver.id == Kudos.to_agent_id)
        .where(*conditions).order_by(Kudos.at.desc(), Kudos.id.desc())
    )
    return [
        KudosRow(kudos.id, sent_by, sent_to, kudos.note, EARNED_WORDS.get(kudos.source_kind, ""), kudos.at)
        for kudos, sent_by, sent_to in session.exec(query)
    ]
