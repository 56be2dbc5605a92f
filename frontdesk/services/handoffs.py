"""Handoffs: ownership moves to a colleague with every note; each one more is a runaround to justify."""

from __future__ import annotations

from sqlmodel import Session, func, select

from frontdesk.db.models import Agent, Handoff, Interaction
from frontdesk.services import audit
from frontdesk.services.guards import require_supervisor
from frontdesk.services.interactions import get_interaction
from frontdesk.services.locks import lock_row
from frontdesk.services.validation import ValidationError, clean_line


def handoff_count(session: Session, interaction_id: int) -> int:
    return session.exec(select(func.count()).select_from(Handoff).where(Handoff.interaction_id == interaction_id)).one()


def people_spoken_to(session: Session, interaction_id: int) -> list[str]:
    """Everyone who has owned this interaction, in order: what the customer has been through."""
    interaction = get_interaction(session, interaction_id)
    handoffs = session.exec(select(Handoff).where(Handoff.interaction_id == interaction_id).order_by(Handoff.at, Handoff.id))
    owners = [interaction.created_by_id, *(handoff.to_agent_id for handoff in handoffs)]
    names = {agent.id: agent.name for agent in session.exec(select(Agent))}
    return list(dict.fromkeys(names[owner] for owner in owners))


def reason_needed(session: Session, interaction_id: int) -> bool:
    """The first handoff can be routine; from the second on the customer is being passed around."""
    return handoff_count(session, interaction_id) >= 1


def hand_off(session: Session, interaction_id: int, from_agent_id: int, to_agent_id: int, reason: str = "") -> Handoff:
    interaction = get_interaction(session, interaction_id)
    if interaction.owner_id != from_agent_id:
        raise ValidationError("owner", "Only the interaction's owner can hand it off.")
    colleague = session.get(Agent, to_agent_id)
    if colleague is None or not colleague.active:
        raise ValidationError("to_agent", "That colleague is not at the desk (unknown or inactive).")
    if to_agent_id == from_agent_id:
        raise ValidationError("to_agent", "You already own this interaction.")
    reason = clean_line(reason, field="reason", label="The reason", max_length=500)
    if reason_needed(session, interaction_id) and not reason:
        spoken = people_spoken_to(session, interaction_id)
        raise ValidationError(
            "reason",
            f"The customer has already spoken to {len(spoken)} people ({', '.join(spoken)}). "
            "Say why another handoff is needed.",
        )
    handoff = Handoff(interaction_id=interaction_id, from_agent_id=from_agent_id, to_agent_id=to_agent_id, reason=reason)
    session.add(handoff)
    interaction.owner_id = to_agent_id
    audit.record(session, from_agent_id, "handoff", "interaction", interaction_id, f"to={to_agent_id} {reason}".strip())
    session.commit()
    session.refresh(handoff)
    return handoff


TAKEN_OVER = "Taken over by a supervisor"


def take_over(session: Session, interaction_id: int, supervisor_id: int, seen_owner_id: int) -> Interaction:
    """A supervisor takes an open call over from the owner the queue showed; counted like any handoff.

    The row is locked before the owner is compared: of two supervisors taking the same call, the
    second hears who has it now. Taking over one's own call just opens it.
    """
    require_supervisor(session, supervisor_id, "take_over_calls")
    interaction = lock_row(session, Interaction, interaction_id)
    if interaction is None or interaction.ended_at is not None:
        raise ValidationError("interaction", "That call has ended; there is nothing to take over.")
    if interaction.owner_id == supervisor_id:
        return interaction
    if interaction.owner_id != seen_owner_id:
        owner = session.get(Agent, interaction.owner_id)
        raise ValidationError("owner", f"{owner.name if owner else 'Someone else'} has this call now; look at the queue again.")
    session.add(Handoff(interaction_id=interaction_id, from_agent_id=interaction.owner_id, to_agent_id=supervisor_id,
                        reason=TAKEN_OVER))
    audit.record(session, supervisor_id, "take-over", "interaction", interaction_id, f"from={interaction.owner_id}")
    interaction.owner_id = supervisor_id
    session.commit()
    return interaction
