"""What an agent left open: interactions in hand and their unsaved drafts, offered again at start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from frontdesk.db.models import Customer
from frontdesk.services.customers import full_name
from frontdesk.services.interactions import open_interactions_owned_by
from frontdesk.services.notes import draft_of


@dataclass(frozen=True)
class OpenInteraction:
    interaction_id: int
    who: str
    started_at: datetime
    channel: str
    reason: str
    draft: str


def open_work(session: Session, agent_id: int) -> list[OpenInteraction]:
    rows = []
    for interaction in open_interactions_owned_by(session, agent_id):
        customer = session.get(Customer, interaction.customer_id) if interaction.customer_id else None
        draft = draft_of(session, interaction.id, agent_id)
        rows.append(OpenInteraction(
            interaction_id=interaction.id, who=full_name(customer) if customer else "Unknown caller",
            started_at=interaction.started_at, channel=interaction.channel, reason=interaction.reason,
            draft=draft.text if draft else "",
        ))
    return rows
