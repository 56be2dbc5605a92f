"""The people at the desk: who is working, and in which role."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from frontdesk.db.models import Agent, Role
from frontdesk.services import audit
from frontdesk.services.agent_secrets import hash_secret
from frontdesk.services.guards import require_supervisor
from frontdesk.services.locks import lock_row
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


def create_agent(session: Session, name: str, role: str = Role.AGENT, *, secret: str | None = None,
                 created_by: int | None = None) -> Agent:
    """Stores a new person, unchecked: for seeding a desk and for its first supervisor. Screens and commands
    add people through add_agent, which only a supervisor may call."""
    name = clean_line(name, field="name", label="The agent's name", max_length=120, required=True)
    if role not in set(Role):
        raise ValidationError("role", f"Unknown role {role!r}; choose agent or supervisor.")
    if find_agent(session, name) is not None:
        raise ValidationError("name", f"There is already an agent called {name}.")
    agent = Agent(name=name, role=role, secret_hash=hash_secret(secret) if secret is not None else None)
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


def add_agent(session: Session, name: str, role: str, secret: str, by_id: int) -> Agent:
    """A supervisor adds a colleague with a first secret, which they tell the colleague in person."""
    require_supervisor(session, by_id, "manage_agents")
    return create_agent(session, name, role, secret=secret, created_by=by_id)


def reset_secret(session: Session, agent_id: int, secret: str, by_id: int) -> Agent:
    """A supervisor gives a colleague a new secret (forgotten, or told to someone); it also lifts a lock-out."""
    require_supervisor(session, by_id, "manage_agents")
    hashed = hash_secret(secret)
    agent = lock_row(session, Agent, agent_id)
    if agent is None or not agent.active:
        raise ValidationError("agent", "That person is not at this desk any more.")
    agent.secret_hash, agent.failed_tries, agent.locked_until = hashed, 0, None
    audit.record(session, by_id, "reset secret", "agent", agent_id)
    session.commit()
    return agent
