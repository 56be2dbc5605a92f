"""Interactions: every contact has one owner, a reason, and a place in the customer's history."""

from __future__ import annotations

from sqlmodel import Session, select

from frontdesk.db.models import Channel, Interaction
from frontdesk.services import audit
from frontdesk.services.customers import require_live_customer
from frontdesk.services.validation import ValidationError, clean_line


CHANNELS: tuple[str, ...] = tuple(Channel)
"""How a customer can get in touch; the first, phone, is the default."""


class InteractionNotFound(LookupError):
    """The interaction is gone or was never there."""


def start_interaction(
    session: Session, agent_id: int, customer_id: int | None, channel: str = Channel.PHONE,
    reason: str = "", category: str = "",
) -> Interaction:
    """`customer_id` None is an unknown caller, linked to a record later by lookup."""
    require_live_customer(session, customer_id)
    interaction = Interaction(customer_id=customer_id, owner_id=agent_id, created_by_id=agent_id)
    _apply_reason(interaction, channel, reason, category)
    return audit.created(session, interaction, agent_id, "interaction", f"channel={channel}")


def get_interaction(session: Session, interaction_id: int, *, for_update: bool = False) -> Interaction:
    """`for_update` locks the row (PostgreSQL) for a read-modify-write; SQLite already holds the write lock."""
    interaction = session.get(Interaction, interaction_id, with_for_update=for_update)
    if interaction is None:
        raise InteractionNotFound(f"Interaction {interaction_id} does not exist.")
    return interaction


def set_reason(session: Session, interaction_id: int, agent_id: int, channel: str, reason: str, category: str) -> Interaction:
    interaction = get_interaction(session, interaction_id)
    _apply_reason(interaction, channel, reason, category)
    audit.record(session, agent_id, "update", "interaction", interaction_id, f"reason, category={interaction.category}")
    session.commit()
    return interaction


def _apply_reason(interaction: Interaction, channel: str, reason: str, category: str) -> None:
    if channel not in set(Channel):
        raise ValidationError("channel", f"Unknown channel {channel!r}; choose phone, walk-in, email or chat.")
    interaction.channel = channel
    interaction.reason = clean_line(reason, field="reason", label="Reason", max_length=500)
    interaction.category = clean_line(category, field="category", label="Category", max_length=80)


def link_customer(session: Session, interaction_id: int, customer_id: int, agent_id: int) -> Interaction:
    """An unknown caller turns out to be a known customer: the call joins their history."""
    require_live_customer(session, customer_id)
    interaction = get_interaction(session, interaction_id)
    interaction.customer_id = customer_id
    audit.record(session, agent_id, "link", "interaction", interaction_id, f"customer={customer_id}")
    session.commit()
    return interaction


def open_interactions_owned_by(session: Session, agent_id: int) -> list[Interaction]:
    """What this agent still has in hand: offered for resuming at start, listed in the Call section."""
    query = select(Interaction).where(Interaction.owner_id == agent_id, Interaction.ended_at == None)  # noqa: E711
    return list(session.exec(query.order_by(Interaction.started_at.desc())))


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
