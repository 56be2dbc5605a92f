"""Everything the Call section shows about one interaction, read in one go, as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from frontdesk.db.models import Customer
from frontdesk.services.agents import agent_names
from frontdesk.services.customers import formal_name
from frontdesk.services.handoffs import handoff_count, people_spoken_to
from frontdesk.services.interactions import get_interaction, interactions_of
from frontdesk.services.moods import current_mood
from frontdesk.services.notes import NoteRow, note_rows
from frontdesk.services.promise_rows import PromiseRow, open_promise_rows


@dataclass(frozen=True)
class CallView:
    """One interaction as this terminal shows it; two views are equal when nothing shown has changed."""

    interaction_id: int
    customer_id: int | None
    address_as: str
    """How to address them: their preferred form, or "Unknown caller"."""
    pronunciation: str
    phone: str
    """The customer's first phone number, for a message left for a colleague."""
    channel: str
    reason: str
    category: str
    started_at: datetime
    ended_at: datetime | None
    owner_id: int
    owner: str
    mood: str | None
    handoffs: int
    spoken_to: tuple[str, ...]
    escalated_at: datetime | None
    escalation_reason: str
    courtesy: tuple[str, ...]
    promises: tuple[PromiseRow, ...]
    notes: tuple[NoteRow, ...]

    @property
    def contact(self) -> str:
        """Who to call back, as a colleague needs it: the name to use and a number."""
        return "" if self.customer_id is None else ", ".join(part for part in (self.address_as, self.phone) if part)


@dataclass(frozen=True)
class PastInteraction:
    started_at: datetime
    channel: str
    reason: str
    outcome: str
    owner: str
    summary: str
    notes: tuple[NoteRow, ...]


def call_view(session: Session, interaction_id: int) -> CallView:
    interaction = get_interaction(session, interaction_id)
    customer = session.get(Customer, interaction.customer_id) if interaction.customer_id else None
    return CallView(
        interaction_id=interaction_id,
        customer_id=interaction.customer_id,
        address_as=formal_name(customer) if customer else "Unknown caller",
        pronunciation=customer.pronunciation if customer else "",
        phone=customer.phones[0] if customer and customer.phones else "",
        channel=interaction.channel,
        reason=interaction.reason,
        category=interaction.category,
        started_at=interaction.started_at,
        ended_at=interaction.ended_at,
        owner_id=interaction.owner_id,
        owner=agent_names(session).get(interaction.owner_id, "?"),
        mood=current_mood(session, interaction_id),
        handoffs=handoff_count(session, interaction_id),
        spoken_to=tuple(people_spoken_to(session, interaction_id)),
        escalated_at=interaction.escalated_at,
        escalation_reason=interaction.escalation_reason,
        courtesy=tuple(interaction.courtesy),
        promises=tuple(open_promise_rows(session, customer_id=customer.id)) if customer else (),
        notes=note_rows(session, [interaction_id])[interaction_id],
    )


def customer_history(session: Session, customer_id: int, *, leave_out: int | None = None) -> tuple[PastInteraction, ...]:
    """Newest first, with every note, so whoever picks up next knows the whole story."""
    owners = agent_names(session)
    past = [interaction for interaction in interactions_of(session, customer_id) if interaction.id != leave_out]
    notes = note_rows(session, [interaction.id for interaction in past])
    return tuple(
        PastInteraction(
            started_at=interaction.started_at, channel=interaction.channel, reason=interaction.reason or interaction.category,
            outcome=interaction.outcome, owner=owners.get(interaction.owner_id, "?"), summary=interaction.summary,
            notes=notes[interaction.id],
        )
        for interaction in past
    )
