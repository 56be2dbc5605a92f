"""Contacts handled, with every agent who owned part of an interaction credited; handoffs, escalations,
unedited summaries and handle time, counted for the owner at the end."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, literal, union_all
from sqlmodel import Session, func, select

from frontdesk.db.models import Handoff, Interaction
from frontdesk.services.figures.owner_pass import OwnerRows
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.sql_time import elapsed_seconds, how_many
from frontdesk.services.figures.tally import Tally, figure_rows, in_period, summed


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


def owned_columns() -> tuple[ColumnElement, ...]:
    """What this family counts in the shared pass over the period's interactions (owner_pass)."""
    return (
        func.count().label("owned_at_end"), how_many(Interaction.escalated_at != None).label("escalations"),  # noqa: E711
        how_many(Interaction.summary_edited == False).label("unedited_summaries"),  # noqa: E712
        how_many(Interaction.ended_at != None).label("wrapped_up"),  # noqa: E711
        func.coalesce(func.sum(elapsed_seconds(Interaction.started_at, Interaction.ended_at)), 0.0).label("handle_seconds"),
    )


def contact_figures(session: Session, period: Period, owned: OwnerRows) -> Tally[ContactStats]:
    """One statement beyond the shared pass: the handoffs of the period's interactions, both sides of each.

    An agent is credited once per interaction they owned at any moment: as its owner at the end (counted
    in the shared pass), or through a handoff when someone else owns it at the end. Handoffs are found
    from their own time (a handoff is never before its interaction started), so only the period's are read.
    """
    sides = union_all(
        select(Handoff.interaction_id, Handoff.from_agent_id.label("agent_id"), literal(1).label("gave"))
        .where(Handoff.at >= period.start),
        select(Handoff.interaction_id, Handoff.to_agent_id, literal(0)).where(Handoff.at >= period.start),
    ).subquery()
    not_owner = sides.c.agent_id != Interaction.owner_id
    handed = {agent: (int(extra), int(gave)) for agent, extra, gave in figure_rows(
        session,
        select(sides.c.agent_id, func.count(func.distinct(case((not_owner, sides.c.interaction_id)))), func.sum(sides.c.gave))
        .join(Interaction, Interaction.id == sides.c.interaction_id).where(*in_period(Interaction.started_at, period))
        .group_by(sides.c.agent_id)
    )}
    by_agent = {
        agent_id: ContactStats(
            contacts=handed.get(agent_id, (0, 0))[0] + _owned(owned.get(agent_id))["owned_at_end"],
            handoffs=handed.get(agent_id, (0, 0))[1], **_owned(owned.get(agent_id)),
        )
        for agent_id in set(handed) | set(owned)
    }
    desk = summed(ContactStats, list(by_agent.values()))
    return Tally(by_agent, ContactStats(**{**desk.__dict__, "contacts": desk.owned_at_end}))


def _owned(row: Mapping[str, Any] | None) -> dict[str, Any]:
    """The shared pass's counts for one agent; an agent credited only through handoffs owns none at the end."""
    if row is None:
        return dict(owned_at_end=0, escalations=0, unedited_summaries=0, wrapped_up=0, handle_seconds=0.0)
    return dict(owned_at_end=int(row["owned_at_end"]), escalations=int(row["escalations"]),
                unedited_summaries=int(row["unedited_summaries"]), wrapped_up=int(row["wrapped_up"]),
                handle_seconds=float(row["handle_seconds"]))
