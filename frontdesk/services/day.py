"""The supervisor's view of today: how much came in, what is still open, what is late."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import ColumnElement, case, or_
from sqlmodel import Session, func, select

from frontdesk.clock.now import local_now, utcnow
from frontdesk.db.models import Agent, Interaction, Promise, PromiseStatus
from frontdesk.services.guards import require_supervisor


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


def day_summary(session: Session, agent_id: int) -> DaySummary:
    """Three statements however many agents there are: the agents, then contacts and promises counted per owner.

    The figures per agent are a supervisor's to read.
    """
    require_supervisor(session, agent_id, "read_day_figures")
    today, now = start_of_today(), utcnow()
    agents = session.exec(select(Agent.id, Agent.name).where(Agent.active == True).order_by(Agent.name)).all()  # noqa: E712
    contacts = {owner: (int(today_count), int(still_open)) for owner, today_count, still_open in session.exec(
        select(Interaction.owner_id, _how_many(Interaction.started_at >= today), _how_many(Interaction.ended_at == None))  # noqa: E711
        .where(or_(Interaction.started_at >= today, Interaction.ended_at == None))  # noqa: E711
        .group_by(Interaction.owner_id)
    )}
    promises = {owner: (int(still_open), int(late)) for owner, still_open, late in session.exec(
        select(Promise.owner_id, func.count(), _how_many(Promise.due_at < now))
        .where(Promise.status == PromiseStatus.OPEN).group_by(Promise.owner_id)
    )}
    return DaySummary(
        interactions_today=sum(today_count for today_count, _ in contacts.values()),
        open_interactions=sum(still_open for _, still_open in contacts.values()),
        open_promises=sum(still_open for still_open, _ in promises.values()),
        overdue_promises=sum(late for _, late in promises.values()),
        agents=tuple(
            AgentDay(name, contacts.get(agent_id, (0, 0))[0], *promises.get(agent_id, (0, 0))) for agent_id, name in agents
        ),
    )


def _how_many(condition) -> ColumnElement[int]:
    """Counts the grouped rows that meet the condition."""
    return func.sum(case((condition, 1), else_=0))
