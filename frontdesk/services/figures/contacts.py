"""Contacts handled, with every agent who owned part of an interaction credited; handoffs, escalations,
unedited summaries and handle time, counted for the owner at the end."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, func, select, union

from frontdesk.db.models import Handoff, Interaction
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.sql_time import elapsed_seconds, how_many
from frontdesk.services.figures.tally import Tally, in_period, summed


@dataclass(frozen=True)
class ContactStats:
    contacts: int
    """Interactions the agent owned at any moment (the desk: interactions, each once)."""
    owned_at_end: int
    handoffs: int
    """Handoffs the agent made (the desk: all handoffs)."""
    escalations: int
    unedited_summaries: int
    wrapped_up: int
    handle_seconds: float
    """Start to wrap-up, summed over the wrapped-up interactions."""

    @property
    def average_handle_seconds(self) -> float | None:
        return None if self.wrapped_up == 0 else self.handle_seconds / self.wrapped_up

    @property
    def handoffs_per_contact(self) -> float | None:
        return None if self.contacts == 0 else round(self.handoffs / self.contacts, 2)


def contact_figures(session: Session, period: Period) -> Tally[ContactStats]:
    """Three statements: credits (owner and both sides of every handoff), handoffs made, per-owner counts."""
    started = in_period(Interaction.started_at, period)
    credits = union(
        select(Interaction.id.label("interaction_id"), Interaction.owner_id.label("agent_id")).where(*started),
        select(Handoff.interaction_id, Handoff.from_agent_id).join(Interaction, Interaction.id == Handoff.interaction_id).where(*started),
        select(Handoff.interaction_id, Handoff.to_agent_id).join(Interaction, Interaction.id == Handoff.interaction_id).where(*started),
    ).subquery()  # UNION, not UNION ALL: an agent handed the call back still handled one contact
    credited = dict(session.exec(select(credits.c.agent_id, func.count()).group_by(credits.c.agent_id)).all())
    handed = dict(session.exec(
        select(Handoff.from_agent_id, func.count()).join(Interaction, Interaction.id == Handoff.interaction_id)
        .where(*started).group_by(Handoff.from_agent_id)
    ).all())
    owned = {row[0]: row[1:] for row in session.exec(
        select(Interaction.owner_id, func.count(), how_many(Interaction.escalated_at != None),  # noqa: E711
               how_many(Interaction.summary_edited == False), how_many(Interaction.ended_at != None),  # noqa: E712,E711
               func.coalesce(func.sum(elapsed_seconds(Interaction.started_at, Interaction.ended_at)), 0.0))
        .where(*started).group_by(Interaction.owner_id)
    )}
    by_agent = {
        agent_id: ContactStats(
            contacts=int(credited.get(agent_id, 0)), handoffs=int(handed.get(agent_id, 0)), **_owned(owned.get(agent_id))
        )
        for agent_id in set(credited) | set(handed) | set(owned)
    }
    desk = summed(ContactStats, list(by_agent.values()))
    return Tally(by_agent, ContactStats(**{**desk.__dict__, "contacts": desk.owned_at_end}))


def _owned(row: tuple | None) -> dict[str, float]:
    """The per-owner counts of one agent; an agent credited only through handoffs owns none at the end."""
    count, escalations, unedited, wrapped, seconds = row if row is not None else (0, 0, 0, 0, 0.0)
    return dict(owned_at_end=int(count), escalations=int(escalations), unedited_summaries=int(unedited),
                wrapped_up=int(wrapped), handle_seconds=float(seconds))
