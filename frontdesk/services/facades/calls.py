"""What the Call section and a live call read and write; every method opens its own session, so call it from a worker."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from frontdesk.db.models import AccessPurpose, Terminal
from frontdesk.services import presence
from frontdesk.services.access_log import record_access
from frontdesk.services.call_view import CallView, PastInteraction, call_view, customer_history
from frontdesk.services.callbacks import WaitingRequest, call_back, caller_contact, waiting_requests
from frontdesk.services.courtesy import toggle_courtesy
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.escalations import flag_for_manager
from frontdesk.services.interactions import link_customer, start_interaction
from frontdesk.services.moods import set_mood
from frontdesk.services.notes import Draft, add_note, draft_of, save_draft
from frontdesk.services.open_work import OpenInteraction, open_work
from frontdesk.services.presence import OpenElsewhere


@dataclass(frozen=True)
class CallOpened:
    """What a live call needs to draw itself: the interaction, and the line this agent was typing."""

    view: CallView
    draft: Draft | None


@dataclass(frozen=True)
class CallQueue:
    """The Call section with no call open: what this agent has in hand, and who waits for a reply."""

    mine: tuple[OpenInteraction, ...]
    waiting: tuple[WaitingRequest, ...]


class LiveCall:
    """The interaction this terminal has open, as the live call screen reads and writes it."""

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        self.desk = desk
        self.interaction_id = interaction_id
        self._presence = threading.Lock()
        """Presence writes of this call, from several workers, happen one at a time and in a known order."""
        self._left = False

    def opened(self) -> CallOpened:
        with self.desk.reading() as session:
            return CallOpened(call_view(session, self.interaction_id), draft_of(session, self.interaction_id, self.desk.agent_id))

    def view(self) -> CallView:
        """The call as it stands; screens read it again after each of their own writes rather than trust a copy."""
        with self.desk.reading() as session:
            return call_view(session, self.interaction_id)

    def history(self, customer_id: int, *, looked: bool = False) -> tuple[PastInteraction, ...]:
        """`looked` when the customer has just come on screen: the access log records it; a reload for news does not."""
        if not looked:
            with self.desk.reading() as session:
                return customer_history(session, customer_id, leave_out=self.interaction_id)
        with self.desk.session() as session:
            history = customer_history(session, customer_id, leave_out=self.interaction_id)
            record_access(session, self.desk, customer_id, AccessPurpose.CALL)
            session.commit()
            return history

    def add_note(self, text: str, verbatim: bool) -> None:
        """The note and the cleared draft commit together."""
        with self.desk.session() as session:
            add_note(session, self.interaction_id, self.desk.agent_id, text, verbatim=verbatim)

    def save_draft(self, text: str, verbatim: bool) -> None:
        with self.desk.session() as session:
            save_draft(session, self.interaction_id, self.desk.agent_id, text, verbatim=verbatim)

    def toggle_courtesy(self, item: str) -> None:
        with self.desk.session() as session:
            toggle_courtesy(session, self.interaction_id, self.desk.agent_id, item)

    def set_mood(self, mood: str) -> None:
        with self.desk.session() as session:
            set_mood(session, self.interaction_id, self.desk.agent_id, mood)

    def flag_for_manager(self, reason: str) -> None:
        with self.desk.session() as session:
            flag_for_manager(session, self.interaction_id, self.desk.agent_id, reason)

    def link_customer(self, customer_id: int) -> None:
        """The unknown caller said who they are: the call joins that customer's history."""
        with self.desk.session() as session:
            link_customer(session, self.interaction_id, customer_id, self.desk.agent_id)

    def show_here(self, customer_id: int | None) -> None:
        """Tells the other terminals that this one has the call (and its customer) open; not once it has left."""
        with self._presence:
            if self._left:
                return
            with self.desk.session() as session:
                presence.show_customer(session, self.desk.terminal_id, customer_id, self.interaction_id)

    def stop_showing(self) -> None:
        """Left the call; unless this terminal has opened another one since, it shows nothing in particular.

        A show_here still on its way is either done before this or does nothing after it.
        """
        with self._presence, self.desk.session() as session:
            self._left = True
            terminal = session.get(Terminal, self.desk.terminal_id, with_for_update=True)
            if terminal is not None and terminal.interaction_id == self.interaction_id:
                presence.show_customer(session, self.desk.terminal_id, None, None)

    def also_open(self, customer_id: int | None) -> tuple[OpenElsewhere, ...]:
        if customer_id is None:
            return ()
        with self.desk.reading() as session:
            return presence.open_elsewhere(session, self.desk.terminal_id, [customer_id]).get(customer_id, ())


class CallSection:
    """The Call section's lists and the calls started from them."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def queue(self) -> CallQueue:
        with self.desk.reading() as session:
            return CallQueue(tuple(open_work(session, self.desk.agent_id)), tuple(waiting_requests(session, load_rules(session))))

    def caller_contact(self, promise_id: int) -> str:
        """The words taken down about who to call back, numbers in full; the request is on the audit trail."""
        with self.desk.session() as session:
            return caller_contact(session, promise_id, self.desk.agent_id)

    def call_back(self, promise_id: int) -> int:
        """Returning a callback starts the call and marks the callback kept; the answer is the new interaction."""
        with self.desk.session() as session:
            return call_back(session, promise_id, self.desk.agent_id).id

    def unknown_caller(self) -> int:
        with self.desk.session() as session:
            return start_interaction(session, self.desk.agent_id, None).id
