"""The live queue as the Day section reads it and acts on it: supervisors only, each call in its own short session."""

from __future__ import annotations

from frontdesk.clock.now import utcnow
from frontdesk.services.agents import Colleague, colleagues
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.guards import require_supervisor
from frontdesk.services.handoffs import take_over
from frontdesk.services.live_queue import QueueItem, live_queue
from frontdesk.services.promises import reassign_promise


class LiveQueue:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def items(self) -> tuple[QueueItem, ...]:
        """Everything waiting now, oldest first; a constant number of statements (an agent is refused, and audited)."""
        with self.desk.reading() as session:
            require_supervisor(session, self.desk.agent_id, "read_day_figures")
            rules = load_rules(session)
            return tuple(live_queue(session, utcnow(), rules.response_limit, rules.phone_regions))

    def owners(self) -> tuple[Colleague, ...]:
        """Who a callback or promise can be given to: the people at the desk now."""
        with self.desk.reading() as session:
            return tuple(colleagues(session))

    def take_over(self, item: QueueItem) -> int:
        """The supervisor becomes the call's owner; the answer is the interaction to open in the Call section."""
        if not item.is_call:
            raise ValueError("Only calls, visits and escalations are taken over.")
        with self.desk.session() as session:
            return take_over(session, item.interaction_id, self.desk.agent_id, item.owner_id).id

    def reassign(self, item: QueueItem, owner_id: int) -> None:
        """Refused as a conflict when another desk changed the promise since the queue showed it."""
        with self.desk.session() as session:
            require_supervisor(session, self.desk.agent_id, "read_day_figures")
            reassign_promise(session, item.promise_id, self.desk.agent_id, owner_id, seen=item.seen())
