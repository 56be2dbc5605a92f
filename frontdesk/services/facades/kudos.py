"""Kudos as the screens ask for them: suggestions and sending for supervisors, the agent's own kudos for everyone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from frontdesk.clock.now import utcnow
from frontdesk.services.agents import Colleague, colleagues
from frontdesk.services.desk import Desk
from frontdesk.services.guards import require_supervisor
from frontdesk.services.kudos import Earned, KudosRow, claim_unseen, has_unseen, kudos_for, send_kudos
from frontdesk.services.kudos_suggestions import KudosSuggestion, kudos_suggestions

SUGGEST_FROM = timedelta(days=7)
"""How far back the desk looks for work worth thanking: a week, while it is still fresh."""


@dataclass(frozen=True)
class KudosDraft:
    """A kudos as typed in the dialog; `earned` and `source_id` say which suggestion it answers, if any."""

    to_agent_id: int
    note: str
    earned: Earned = Earned.FREE
    source_id: int | None = None


class KudosBook:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def suggestions(self) -> tuple[KudosSuggestion, ...]:
        """The last week's suggestions not yet thanked for; supervisors only."""
        with self.desk.reading() as session:
            require_supervisor(session, self.desk.agent_id, "read_day_figures")
            return tuple(kudos_suggestions(session, utcnow() - SUGGEST_FROM))

    def recipients(self) -> tuple[Colleague, ...]:
        """Who can be thanked: everyone at the desk but the sender."""
        with self.desk.reading() as session:
            return tuple(agent for agent in colleagues(session) if agent.id != self.desk.agent_id)

    def send(self, draft: KudosDraft) -> None:
        with self.desk.session() as session:
            send_kudos(session, self.desk.agent_id, draft.to_agent_id, draft.note, draft.earned, draft.source_id)

    def unseen(self) -> tuple[KudosRow, ...]:
        """Shown once, at sign-in: reading them marks them seen."""
        with self.desk.reading() as session:
            if not has_unseen(session, self.desk.agent_id):
                return ()
        with self.desk.session() as session:
            return tuple(claim_unseen(session, self.desk.agent_id))

    def mine(self) -> tuple[KudosRow, ...]:
        with self.desk.reading() as session:
            return tuple(kudos_for(session, self.desk.agent_id))
