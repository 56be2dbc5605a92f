"""The supervisor's view of today: how much came in, what is still open, what is late."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, case
from sqlmodel import Session, func, select

from frontdesk.clock.now import local_zone, utcnow
from frontdesk.db.models import Agent, Interaction, Promise, PromiseStatus
from frontdesk.services.figures.contacts import contact_figures, owned_columns
from frontdesk.services.figures.owner_pass import owner_rows
from frontdesk.services.figures.period import preset_period
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


def day_summary(session: Session, agent_id: int) -> DaySummary:
    """Four statements however many agents there are: the agents (and the calls still open), today's contacts
    and their handoffs, and the promises counted per owner.

    An agent's contacts today are those of the Figures tab's "Contacts" for today (one definition, one code): every
    agent who owned an interaction at any moment counts it, so the agents' counts can add up to more than the desk's,
    which counts each interaction once. The figures per agent are a supervisor's to read.
    """
    require_supervisor(session, agent_id, "read_day_figures")
    now = utcnow()
    today = preset_period("today", now, local_zone())
    still_open = select(func.count()).select_from(Interaction).where(Interaction.ended_at == None).scalar_subquery()  # noqa: E711
    agents = session.exec(  # with the desk's calls still open beside each, to save a statement
        select(Agent.id, Agent.name, still_open).where(Agent.active == True).order_by(Agent.name)  # noqa: E712
    ).all()
    contacts = contact_figures(session, today, owner_rows(session, today, *owned_columns()))
    promises = {owner: (int(still_open), int(late)) for owner, still_open, late in session.exec(
        select(Promise.owner_id, func.count(), _how_many(Promise.due_at < now))
        .where(Promise.status == PromiseStatus.OPEN).group_by(Promise.owner_id)
    )}
    return DaySummary(
        interactions_today=contacts.desk.contacts,
        open_interactions=int(agents[0][2]) if agents else 0,
        open_promises=sum(still_open for still_open, _ in promises.values()),
        overdue_promises=sum(late for _, late in promises.values()),
        agents=tuple(
            AgentDay(name, contacts.by_agent[agent_id].contacts if agent_id in contacts.by_agent else 0,
                     *promises.get(agent_id, (0, 0)))
            for agent_id, name, _ in agents
        ),
    )


def _how_many(condition) -> ColumnElement[int]:
    """Counts the grouped rows that meet the condition."""
    return func.sum(case((condition, 1), else_=0))
