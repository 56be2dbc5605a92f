"""The people at the desk, for the app shell: who is here, taking someone off the desk, what an agent left open."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.services.agents import Colleague, colleagues, deactivate_agent
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

    def colleagues(self) -> tuple[Colleague, ...]:
        """Everyone at the desk but the signed-in agent."""
        with self.desk.reading() as session:
            return tuple(colleague for colleague in colleagues(session) if colleague.id != self.desk.agent_id)

    def take_off_desk(self, agent_id: int) -> TakenOff:
        with self.desk.session() as session:
            agent = deactivate_agent(session, agent_id, self.desk.agent_id)
            return TakenOff(agent.name, len(orphaned_promises(session)))

    def left_open(self) -> tuple[OpenInteraction, ...]:
        """What the signed-in agent left open last time, to offer at sign-in."""
        with self.desk.reading() as session:
            return tuple(open_work(session, self.desk.agent_id))
