"""Everything the Call section shows about one interaction, read in one go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from frontdesk.db.models import Customer, Interaction, Note
from frontdesk.services.agents import agent_names
from frontdesk.services.customers import formal_name
from frontdesk.services.handoffs import handoff_count, people_spoken_to
from frontdesk.services.interactions import get_interaction, interactions_of
from frontdesk.services.moods import current_mood
from frontdesk.services.notes import notes_of
from frontdesk.services.promise_rows import PromiseRow, open_promise_rows


@dataclass(frozen=True)
class CallView:
    interaction: Interaction
    customer: Customer | None
    address_as: str
    """How to address them: their preferred form, or "Unknown caller"."""
    owner: str
    mood: str | None
    handoffs: int
    spoken_to: tuple[str, ...]
    promises: tuple[PromiseRow, ...]
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class PastInteraction:
    started_at: datetime
    channel: str
    reason: str
    outcome: str
    owner: str
    summary: str
    notes: tuple[Note, ...]


def call_view(session: Session, interaction_id: int) -> CallView:
    interaction = get_interaction(session, interaction_id)
    customer = session.get(Customer, interaction.customer_id) if interaction.customer_id else None
    return CallView(
        interaction=interaction,
        customer=customer,
        address_as=formal_name(customer) if customer else "Unknown caller",
        owner=agent_names(session).get(interaction.owner_id, "?"),
        mood=current_mood(session, interaction_id),
        handoffs=handoff_count(session, interaction_id),
        spoken_to=tuple(people_spoken_to(session, interaction_id)),
        promises=tuple(open_promise_rows(session, customer_id=customer.id)) if customer else (),
        notes=tuple(notes_of(session, interaction_id)),
    )


def customer_history(session: Session, customer_id: int, *, leave_out: int | None = None) -> list[PastInteraction]:
    """Newest first, with every note, so whoever picks up next knows the whole story."""
    owners = agent_names(session)
    return [
        PastInteraction(
            started_at=past.started_at, channel=past.channel, reason=past.reason or past.category,
            outcome=past.outcome, owner=owners.get(past.owner_id, "?"), summary=past.summary,
            notes=tuple(notes_of(session, past.id)),
        )
        for past in interactions_of(session, customer_id)
        if past.id != leave_out
    ]

