"""The people at the desk: who is working, and in which role."""

from __future__ import annotations

from sqlmodel import Session, select

from frontdesk.db.models import Agent, Role
from frontdesk.services import audit
from frontdesk.services.validation import ValidationError, clean_line


def list_agents(session: Session, *, active_only: bool = True) -> list[Agent]:
    query = select(Agent).order_by(Agent.name)
    if active_only:
        query = query.where(Agent.active == True)  # noqa: E712  (SQL comparison, not Python truth)
    return list(session.exec(query))


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
