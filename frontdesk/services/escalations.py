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


def open_escalations(session: Session) -> list[Interaction]:
    """Oldest first: the customer who has waited longest for a manager comes first."""
    query = select(Interaction).where(Interaction.escalated_at != None, Interaction.ended_at == None)  # noqa: E711
    return list(session.exec(query.order_by(Interaction.escalated_at)))


@dataclass(frozen=True)
class Escalation:
    interaction_id: int
    who: str
    owner: str
    reason: str
    since: datetime


def escalation_rows(session: Session) -> list[Escalation]:
    """The customers' names come in one query, however many are waiting for a manager."""
    owners = agent_names(session)
    waiting = open_escalations(session)
    wanted = {interaction.customer_id for interaction in waiting if interaction.customer_id is not None}
    names = {customer.id: full_name(customer) for customer in session.exec(select(Customer).where(Customer.id.in_(wanted)))} if wanted else {}
    return [
        Escalation(
            interaction_id=interaction.id, who=names.get(interaction.customer_id, "Unknown caller"),
            owner=owners.get(interaction.owner_id, "?"), reason=interaction.escalation_reason, since=interaction.escalated_at,
        )
        for interaction in waiting
    ]
