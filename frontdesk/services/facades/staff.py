"""What the sign-in asks of the desk: who works here, and adding someone new."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.db.models import Agent
from frontdesk.services import agents
from frontdesk.services.desk import Desk


@dataclass(frozen=True)
class StaffMember:
    """An agent as the app keeps the one signed in: the same attributes as the Agent row it came from."""

    id: int
    name: str
    role: str
    active: bool = True

    @classmethod
    def of(cls, agent: Agent) -> StaffMember:
        return cls(agent.id, agent.name, agent.role, agent.active)


class Staff:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def on_duty(self) -> tuple[StaffMember, ...]:
        """The active agents, by name."""
        with self.desk.reading() as session:
            return tuple(StaffMember.of(agent) for agent in agents.list_agents(session))

    def add(self, name: str, role: str) -> StaffMember:
        """Raises ValidationError for an empty or taken name."""
        with self.desk.session() as session:
            return StaffMember.of(agents.create_agent(session, name, role))
