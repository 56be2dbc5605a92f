"""The supervisor's view of today: how much came in, what is still open, what is late."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlmodel import Session, func, select

from frontdesk.clock.now import local_now, utcnow
from frontdesk.db.models import Agent, Interaction, Promise, PromiseStatus


@dataclass(frozen=True)
class AgentDay:
    name: str
    interactions: int
    open_promises: int
    overdue_promises: int


@dataclass(frozen=True)
class DaySummary:
    interactions_today: int
    open_interactions: int
    open_promises: int
    overdue_promises: int
    agents: tuple[AgentDay, ...]


def start_of_today() -> datetime:
    return datetime.combine(local_now().date(), time.min).astimezone()


def day_summary(session: Session) -> DaySummary:
    today = start_of_today()
    now = utcnow()
    rows = []
    for agent in session.exec(select(Agent).where(Agent.active == True).order_by(Agent.name)):  # noqa: E712
        rows.append(AgentDay(
            name=agent.name,
            interactions=_count(session, Interaction, Interaction.owner_id == agent.id, Interaction.started_at >= today),
            open_promises=_count(session, Promise, Promise.owner_id == agent.id, Promise.status == PromiseStatus.OPEN),
            overdue_promises=_count(
                session, Promise, Promise.owner_id == agent.id, Promise.status == PromiseStatus.OPEN, Promise.due_at < now
            ),
        ))
    return DaySummary(
        interactions_today=_count(session, Interaction, Interaction.started_at >= today),
        open_interactions=_count(session, Interaction, Interaction.ended_at == None),  # noqa: E711
        open_promises=_count(session, Promise, Promise.status == PromiseStatus.OPEN),
        overdue_promises=_count(session, Promise, Promise.status == PromiseStatus.OPEN, Promise.due_at < now),
        agents=tuple(rows),
    )


def _count(session: Session, table: type, *conditions) -> int:
    return session.exec(select(func.count()).select_from(table).where(*conditions)).one()
