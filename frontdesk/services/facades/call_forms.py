"""What the Call section's dialogs read and save; every method opens its own session, so call it from a worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Outcome
from frontdesk.services import agents
from frontdesk.services.agents import Colleague
from frontdesk.services.callbacks import log_missed_call, take_message
from frontdesk.services.categories import category_names
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.greeting import CustomerSummary, summaries
from frontdesk.services.handoffs import hand_off, people_spoken_to, reason_needed
from frontdesk.services.interactions import get_interaction, set_reason
from frontdesk.services.notes import EarlierWording, NoteRow, earlier_wordings, edit_note
from frontdesk.services.promises import follow_up_due, make_follow_up
from frontdesk.services.validation import ValidationError
from frontdesk.services.wrap_up import WrapUp, WrapUpForm, wrap_up, wrap_up_form


RESOLVED: frozenset[str] = frozenset({Outcome.RESOLVED, Outcome.RESOLVED_LATER})
"""The outcomes after which the desk offers to follow up with the customer."""
FOLLOW_UP: str = Outcome.FOLLOW_UP


@dataclass(frozen=True)
class ReasonForm:
    reason: str
    category: str
    channel: str
    categories: tuple[str, ...]
    """The desk's active categories, and the call's own even if it was retired since."""


@dataclass(frozen=True)
class HandoffForm:
    colleagues: tuple[Colleague, ...]
    spoken_to: tuple[str, ...]
    needs_reason: bool


@dataclass(frozen=True)
class FollowUpOffer:
    rules: DeskRules
    due: datetime


class CallForms:
    """The reads and saves behind the reason, handoff, message, missed call, note, wrap-up and follow-up dialogs."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def colleagues(self) -> tuple[Colleague, ...]:
        """Everyone else at the desk, by name: who a call or a message can go to."""
        with self.desk.reading() as session:
            return tuple(colleague for colleague in agents.colleagues(session) if colleague.id != self.desk.agent_id)

    def reason_form(self, interaction_id: int) -> ReasonForm:
        with self.desk.reading() as session:
            interaction = get_interaction(session, interaction_id)
            categories = [*category_names(session), *([interaction.category] if interaction.category else [])]
            return ReasonForm(interaction.reason, interaction.category, interaction.channel, tuple(dict.fromkeys(categories)))

    def set_reason(self, interaction_id: int, channel: str, reason: str, category: str) -> None:
        with self.desk.session() as session:
            set_reason(session, interaction_id, self.desk.agent_id, channel, reason, category)

    def handoff_form(self, interaction_id: int) -> HandoffForm:
        colleagues = self.colleagues()
        with self.desk.reading() as session:
            return HandoffForm(colleagues, tuple(people_spoken_to(session, interaction_id)), reason_needed(session, interaction_id))

    def hand_off(self, interaction_id: int, to_agent_id: int, reason: str) -> None:
        with self.desk.session() as session:
            hand_off(session, interaction_id, self.desk.agent_id, to_agent_id, reason)

    def take_message(self, for_agent_id: int, customer_id: int | None, contact: str, message: str,
                     due_at: datetime, interaction_id: int | None) -> None:
        with self.desk.session() as session:
            take_message(session, self.desk.agent_id, for_agent_id, customer_id, contact, message, due_at, interaction_id)

    def rules(self) -> DeskRules:
        return self.desk.rules()

    def customer(self, customer_id: int) -> CustomerSummary:
        with self.desk.reading() as session:
            found = summaries(session, [customer_id])
        if customer_id not in found:
            raise ValidationError("customer", "That customer record no longer exists; look the customer up again.")
        return found[customer_id]

    def log_missed_call(self, customer_id: int | None, number: str, missed_at: datetime, rules: DeskRules) -> None:
        with self.desk.session() as session:
            log_missed_call(session, self.desk.agent_id, customer_id, number, missed_at, rules)

    def earlier_wordings(self, note_id: int) -> tuple[EarlierWording, ...]:
        with self.desk.reading() as session:
            return earlier_wordings(session, note_id)

    def edit_note(self, note_id: int, text: str, verbatim: bool, version: int) -> NoteRow:
        """Refused with NoteChanged when the note is no longer at `version` (edited on another terminal)."""
        with self.desk.session() as session:
            return NoteRow.of(edit_note(session, note_id, self.desk.agent_id, text, verbatim=verbatim, version=version))

    def wrap_up_form(self, interaction_id: int) -> WrapUpForm:
        with self.desk.reading() as session:
            return wrap_up_form(session, interaction_id)

    def wrap_up(self, interaction_id: int, wrap: WrapUp) -> None:
        with self.desk.session() as session:
            wrap_up(session, interaction_id, self.desk.agent_id, wrap)

    def follow_up_offer(self) -> FollowUpOffer:
        rules = self.desk.rules()
        return FollowUpOffer(rules, follow_up_due(rules, utcnow()))

    def make_follow_up(self, interaction_id: int, rules: DeskRules) -> None:
        with self.desk.session() as session:
            make_follow_up(session, self.desk.agent_id, interaction_id, rules)
