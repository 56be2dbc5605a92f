"""The people at the desk: who is working, and in which role."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from frontdesk.db.models import Agent, Role
from frontdesk.services import audit
from frontdesk.services.guards import require_supervisor
from frontdesk.services.validation import ValidationError, clean_line


@dataclass(frozen=True)
class Colleague:
    """A person at the desk as screens see them: plain data, safe to hold on the UI thread."""

    id: int
    name: str
    role: str
    active: bool = True

    @property
    def is_supervisor(self) -> bool:
        return self.role == Role.SUPERVISOR


ROLES: tuple[str, ...] = tuple(Role)
"""The roles a person at the desk can have, for screens to offer (agent first)."""
SUPERVISOR: str = Role.SUPERVISOR


def list_agents(session: Session, *, active_only: bool = True) -> list[Agent]:
    query = select(Agent).order_by(Agent.name)
    if active_only:
        query = query.where(Agent.active == True)  # noqa: E712  (SQL comparison, not Python truth)
    return list(session.exec(query))


def as_colleague(agent: Agent) -> Colleague:
    return Colleague(agent.id, agent.name, agent.role, agent.active)


def colleagues(session: Session, *, active_only: bool = True) -> list[Colleague]:
    return [as_colleague(agent) for agent in list_agents(session, active_only=active_only)]


def find_agent(session: Session, name: str) -> Agent | None:
    """Case-insensitive, so `--agent sara` finds Sara."""
    wanted = name.strip().casefold()
    return next((agent for agent in list_agents(session, active_only=False) if agent.name.casefold() == wanted), None)


def create_agent(session: Session, name: str, role: str = Role.AGENT, *, created_by: int | None = None) -> Agent:
    name = clean_line(name, field="name", label="The agent's name", max_length=120, required=True)
    if role not in set(Role):
        raise ValidationError("role", f"Unknown role {role!r}; choose agent or supervisor.")
    if find_agent(session, name) is not None:
        raise ValidationError("name", f"There is already an agent called {name}.")
    agent = Agent(name=name, role=role)
    session.add(agent)
    session.flush()
    audit.record(session, created_by or agent.id, "create", "agent", agent.id, f"role={role}")
    session.commit()
    session.refresh(agent)
    return agent


def agent_names(session: Session) -> dict[int, str]:
    return {agent.id: agent.name for agent in list_agents(session, active_only=False)}


def supervisors(session: Session) -> list[Agent]:
    return [agent for agent in list_agents(session) if agent.role == Role.SUPERVISOR]


def deactivate_agent(session: Session, agent_id: int, by_id: int) -> Agent:
    """Someone left the desk: they stay in history; their open promises wait for a new owner."""
    require_supervisor(session, by_id, "manage_agents")
    if agent_id == by_id:
        raise ValidationError("agent", "You cannot take yourself off the desk.")
    agent = session.get(Agent, agent_id)
    agent.active = False
    audit.record(session, by_id, "deactivate", "agent", agent_id)
    session.commit()
    return agent
