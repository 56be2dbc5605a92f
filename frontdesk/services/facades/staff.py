"""The people at the desk, for the sign-in and the app shell: who is here, adding someone, taking someone off, what an agent left open."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.services import agents
from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk
from frontdesk.services.open_work import OpenInteraction, open_work
from frontdesk.services.promises import orphaned_promises


@dataclass(frozen=True)
class TakenOff:
    name: str
    orphaned: int
    """Open promises on the desk now waiting for a new owner."""


class Staff:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def on_duty(self) -> tuple[Colleague, ...]:
        """The active agents, by name."""
        with self.desk.reading() as session:
            return tuple(agents.colleagues(session))

    def add(self, name: str, role: str) -> Colleague:
        """Raises ValidationError for an empty or taken name."""
        with self.desk.session() as session:
            return agents.as_colleague(agents.create_agent(session, name, role))

    def colleagues(self) -> tuple[Colleague, ...]:
        """Everyone at the desk but the signed-in agent."""
        return tuple(colleague for colleague in self.on_duty() if colleague.id != self.desk.agent_id)

    def take_off_desk(self, agent_id: int) -> TakenOff:
        with self.desk.session() as session:
            agent = agents.deactivate_agent(session, agent_id, self.desk.agent_id)
            return TakenOff(agent.name, len(orphaned_promises(session)))

    def left_open(self) -> tuple[OpenInteraction, ...]:
        """What the signed-in agent left open last time, to offer at sign-in."""
        with self.desk.reading() as session:
            return tuple(open_work(session, self.desk.agent_id))
