"""What an agent left open: interactions in hand and their unsaved drafts, offered again at start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from frontdesk.db.models import Agent, Customer, Handoff, NoteDraft
from frontdesk.services.customers import full_name
from frontdesk.services.interactions import open_interactions_owned_by


@dataclass(frozen=True)
class OpenInteraction:
    interaction_id: int
    who: str
    started_at: datetime
    channel: str
    reason: str
    draft: str
    handed_by: str = ""
    """Who handed it to this agent, when it came by a handoff: it was not left open by them."""


def open_work(session: Session, agent_id: int) -> list[OpenInteraction]:
    """Newest first; four statements however many are open: the interactions, their customers, the drafts, the handoffs."""
    interactions = open_interactions_owned_by(session, agent_id)
    ids = [interaction.id for interaction in interactions]
    customer_ids = {interaction.customer_id for interaction in interactions if interaction.customer_id}
    customers = {customer.id: customer for customer in session.exec(select(Customer).where(Customer.id.in_(customer_ids)))}
    drafts = dict(session.exec(
        select(NoteDraft.interaction_id, NoteDraft.text).where(NoteDraft.agent_id == agent_id, NoteDraft.interaction_id.in_(ids))
    ).all())
    handed = dict(session.exec(  # the latest handoff to this agent wins: ordered oldest first into the dict
        select(Handoff.interaction_id, Agent.name).join(Agent, Agent.id == Handoff.from_agent_id)
        .where(Handoff.to_agent_id == agent_id, Handoff.interaction_id.in_(ids)).order_by(Handoff.at, Handoff.id)
    ).all())
    return [
        OpenInteraction(
            interaction_id=interaction.id,
            who=full_name(customers[interaction.customer_id]) if interaction.customer_id in customers else "Unknown caller",
            started_at=interaction.started_at, channel=interaction.channel, reason=interaction.reason,
            draft=drafts.get(interaction.id, ""), handed_by=handed.get(interaction.id, ""),
        )
        for interaction in interactions
    ]
