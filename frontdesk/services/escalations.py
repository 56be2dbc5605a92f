"""'I want to speak to a manager': flagged for supervisors with the customer's reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Customer, Interaction
from frontdesk.services import audit
from frontdesk.services.agents import agent_names
from frontdesk.services.customers import full_name
from frontdesk.services.interactions import get_interaction
from frontdesk.services.validation import clean_line


def flag_for_manager(session: Session, interaction_id: int, agent_id: int, reason: str) -> Interaction:
    reason = clean_line(reason, field="reason", label="The reason", max_length=500, required=True)
    interaction = get_interaction(session, interaction_id)
    interaction.escalated_at = interaction.escalated_at or utcnow()
    interaction.escalation_reason = reason
    audit.record(session, agent_id, "escalate", "interaction", interaction_id, reason)
    session.commit()
    return interaction


WAITING_FOR_A_MANAGER = (Interaction.escalated_at != None, Interaction.ended_at == None)  # noqa: E711
"""Escalated and still open."""


def open_escalations(session: Session) -> list[Interaction]:
    """Oldest first: the customer who has waited longest for a manager comes first."""
    query = select(Interaction).where(*WAITING_FOR_A_MANAGER)
    return list(session.exec(query.order_by(Interaction.escalated_at)))


@dataclass(frozen=True)
class Escalation:
    interaction_id: int
    who: str
    owner: str
    reason: str
    since: datetime


def escalation_rows(session: Session) -> list[Escalation]:
    """Two statements however many are waiting: the owners' names, and the escalations joined with their customers."""
    owners = agent_names(session)
    query = (
        select(Interaction, Customer).outerjoin(Customer, Customer.id == Interaction.customer_id)
        .where(*WAITING_FOR_A_MANAGER).order_by(Interaction.escalated_at)
    )
    rows = []
    for interaction, customer in session.exec(query):
        rows.append(Escalation(
            interaction_id=interaction.id, who=full_name(customer) if customer else "Unknown caller",
            owner=owners.get(interaction.owner_id, "?"), reason=interaction.escalation_reason, since=interaction.escalated_at,
        ))
    return rows
