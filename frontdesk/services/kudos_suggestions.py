"""What the desk suggests thanking agents for: a rating of 5, praise in the customer's own words, a promise
kept early, an upset customer who left calm. Each suggestion links to its source, and one already thanked
for is not suggested again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from frontdesk.clock.when import span_said
from frontdesk.clock.now import to_local
from frontdesk.db.models import Customer, Interaction, Kudos, Mood, MoodChange, Note, Promise, PromiseStatus
from frontdesk.services.agents import agent_names
from frontdesk.services.customers import full_name
from frontdesk.services.kudos import Earned

KEPT_EARLY_BY = timedelta(hours=1)
"""A promise closed at least this long before it was due was kept early, not just on time."""
UPSET = (Mood.UPSET, Mood.ANGRY)
PRAISE = (
    "thank", "great", "excellent", "wonderful", "helpful", "brilliant", "amazing", "perfect", "lovely", "fantastic",
    "ممنون", "مرسی", "متشکر", "سپاس", "عالی", "دستتان درد نکند",
    "ευχαριστ", "τέλει", "υπέροχ", "εξαιρετ", "φανταστικ", "μπράβο",
)
"""Word beginnings that make a verbatim note praise, in the desk's three languages (matched case-folded)."""


@dataclass(frozen=True)
class KudosSuggestion:
    earned: Earned
    source_id: int
    """The interaction, note or promise the suggestion is about (see Earned)."""
    agent_id: int
    agent: str
    who: str
    """The customer."""
    why: str
    at: datetime


def kudos_suggestions(session: Session, since: datetime) -> list[KudosSuggestion]:
    """Everything since `since`, newest first. Six statements whatever the range holds: names, sent kudos, then one per kind of suggestion."""
    names = agent_names(session)
    sent = set(session.exec(select(Kudos.source_kind, Kudos.source_id).where(Kudos.source_kind != Earned.FREE)).all())
    found = [
        *_top_ratings(session, since), *_praise(session, since), *_kept_early(session, since), *_calmed(session, since),
    ]
    return sorted(
        (KudosSuggestion(earned, source, agent_id, names.get(agent_id, "?"), who, why, at)
         for earned, source, agent_id, who, why, at in found if (earned, source) not in sent),
        key=lambda suggestion: (to_local(suggestion.at), suggestion.source_id, suggestion.earned), reverse=True,
    )


Found = tuple[Earned, int, int, str, str, datetime]
"""(earned, source id, agent id, customer, why, when) before names are put on it."""


def _customer(customer: Customer | None) -> str:
    return full_name(customer) if customer else "Unknown caller"


def _top_ratings(session: Session, since: datetime) -> list[Found]:
    query = (
        select(Interaction, Customer).outerjoin(Customer, Customer.id == Interaction.customer_id)
        .where(Interaction.satisfaction == 5, Interaction.ended_at >= since)
    )
    return [
        (Earned.RATING, interaction.id, interaction.owner_id, _customer(customer),
         "Rated 5" + (f": {interaction.satisfaction_comment}" if interaction.satisfaction_comment else ""), interaction.ended_at)
        for interaction, customer in session.exec(query)
    ]


def _praise(session: Session, since: datetime) -> list[Found]:
    """Verbatim notes since `since`, kept when they praise: the words are matched here, in every script alike."""
    query = (
        select(Note, Customer).join(Interaction, Interaction.id == Note.interaction_id)
        .outerjoin(Customer, Customer.id == Interaction.customer_id)
        .where(Note.verbatim == True, Note.created_at >= since)  # noqa: E712  (SQL comparison)
    )
    return [
        (Earned.PRAISE, note.id, note.agent_id, _customer(customer), f"“{note.text}”", note.created_at)
        for note, customer in session.exec(query) if is_praise(note.text)
    ]


def is_praise(text: str) -> bool:
    folded = text.casefold()
    return any(word in folded for word in PRAISE)


def _kept_early(session: Session, since: datetime) -> list[Found]:
    query = (
        select(Promise, Customer).outerjoin(Customer, Customer.id == Promise.customer_id)
        .where(Promise.status == PromiseStatus.KEPT, Promise.kept_late == False,  # noqa: E712  (SQL comparison)
               Promise.closed_at >= since)
    )
    return [
        (Earned.KEPT_EARLY, promise.id, promise.owner_id, _customer(customer),
         f"Kept “{promise.what}” {span_said('early', to_local(promise.due_at) - to_local(promise.closed_at))}", promise.closed_at)
        for promise, customer in session.exec(query)
        if to_local(promise.due_at) - to_local(promise.closed_at) >= KEPT_EARLY_BY
    ]


def _calmed(session: Session, since: datetime) -> list[Found]:
    """Interactions ended since `since` whose first mood was upset or angry and whose last was calm."""
    query = (
        select(MoodChange, Interaction, Customer).join(Interaction, Interaction.id == MoodChange.interaction_id)
        .outerjoin(Customer, Customer.id == Interaction.customer_id)
        .where(Interaction.ended_at >= since)
        .order_by(MoodChange.interaction_id, MoodChange.at, MoodChange.id)
    )
    moods: dict[int, list[MoodChange]] = {}
    ended: dict[int, tuple[Interaction, Customer | None]] = {}
    for change, interaction, customer in session.exec(query):
        moods.setdefault(interaction.id, []).append(change)
        ended[interaction.id] = (interaction, customer)
    return [
        (Earned.CALMED, interaction_id, changes[-1].agent_id, _customer(ended[interaction_id][1]),
         f"{changes[0].mood.capitalize()} at first, calm at the end", ended[interaction_id][0].ended_at)
        for interaction_id, changes in moods.items() if changes[0].mood in UPSET and changes[-1].mood == Mood.CALM
    ]
