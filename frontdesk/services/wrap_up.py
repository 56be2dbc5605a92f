"""Wrap-up: the outcome, a summary drafted from the call for the agent to edit, and satisfaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from frontdesk.clock.dates import moment_words
from frontdesk.clock.now import utcnow
from frontdesk.db.models import Agent, Channel, Customer, GoodwillGrant, GoodwillKind, Interaction, Outcome, Promise
from frontdesk.services import audit
from frontdesk.services.categories import category_names
from frontdesk.services.customers import formal_name
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.handoffs import handoff_count
from frontdesk.services.interactions import get_interaction
from frontdesk.services.locks import lock_row
from frontdesk.services.money import from_cents, shown_money
from frontdesk.services.notes import NOTE_MAX_LENGTH, notes_of
from frontdesk.services.outcomes import OUTCOME_WORDS
from frontdesk.services.promises import make_follow_up
from frontdesk.services.solutions import offers_of
from frontdesk.services.validation import ValidationError, clean_line, clean_text, exact_text

VERBS = {Channel.PHONE: "called", Channel.WALK_IN: "came in", Channel.EMAIL: "wrote", Channel.CHAT: "chatted"}
GOODWILL_WORDS = {GoodwillKind.GESTURE: "A goodwill gesture", GoodwillKind.EXCEPTION: "A policy exception"}


@dataclass(frozen=True)
class WrapUp:
    outcome: str
    summary: str
    drafted_summary: str
    """What the desk drafted; a summary saved identical to it is flagged as unedited."""
    satisfaction: int | None = None
    satisfaction_comment: str = ""
    satisfaction_asked: bool = False
    reason: str | None = None
    """Why the customer got in touch, when the call had none yet: "" says there was none; None leaves it as it is."""
    category: str | None = None
    """The same for the category: "" says none fits."""


NO_PARTICULAR_REQUEST = "their request"


@dataclass(frozen=True)
class SummaryOpening:
    """The summary's first line, "Mrs Johnson called about a late parcel.": who got in touch, how, and why.

    The wrap-up dialog asks for the reason when the call has none yet; the line follows what is typed there, so the
    draft says why the customer got in touch instead of "their request".
    """

    who_did: str
    """"Mrs Johnson called", "The caller came in"."""

    def line(self, reason: str | None, category: str | None) -> str:
        return f"{self.who_did} about {reason or category or NO_PARTICULAR_REQUEST}."


@dataclass(frozen=True)
class WrapUpForm:
    """What the wrap-up dialog asks: the drafted summary, what the call still lacks, and the outcomes it may have."""

    drafted: str
    opening: SummaryOpening
    """How the draft's first line reads for another reason or category, as they are typed in the dialog."""
    reason_missing: bool
    category_missing: bool
    categories: tuple[str, ...]
    outcomes: dict[str, str]


def outcomes_for(handed_off: bool) -> dict[str, str]:
    """A customer who was handed on was not helped on first contact: that outcome is not offered then."""
    unwanted = Outcome.RESOLVED if handed_off else Outcome.RESOLVED_LATER
    return {outcome: words for outcome, words in OUTCOME_WORDS.items() if outcome != unwanted}


def wrap_up_form(session: Session, interaction_id: int) -> WrapUpForm:
    interaction = get_interaction(session, interaction_id)
    return WrapUpForm(
        draft_summary(session, interaction_id), summary_opening(session, interaction), not interaction.reason,
        not interaction.category, tuple(category_names(session)), outcomes_for(handoff_count(session, interaction_id) > 0),
    )


def summary_opening(session: Session, interaction: Interaction) -> SummaryOpening:
    customer = session.get(Customer, interaction.customer_id) if interaction.customer_id else None
    who = formal_name(customer) if customer else "The caller"
    return SummaryOpening(f"{who} {VERBS.get(interaction.channel, 'got in touch')}")


def draft_summary(session: Session, interaction_id: int) -> str:
    """Built from this call's own notes, promises, offers and goodwill, so it is never a canned answer."""
    interaction = get_interaction(session, interaction_id)
    lines = [summary_opening(session, interaction).line(interaction.reason, interaction.category)]
    notes = notes_of(session, interaction_id)
    if notes:
        lines.append("Heard:")
        lines += [f'- "{note.text}"' if note.verbatim else f"- {note.text}" for note in notes]
    promises = session.exec(select(Promise).where(Promise.interaction_id == interaction_id).order_by(Promise.due_at))
    agreed = [f"- {promise.what}, by {moment_words(promise.due_at)}" for promise in promises]
    if agreed:
        lines.append("Agreed:")
        lines += agreed
    lines += _offer_lines(session, interaction) + _goodwill_lines(session, interaction_id)
    return "\n".join(lines)


def _offer_lines(session: Session, interaction: Interaction) -> list[str]:
    """The options put to the customer and which they chose: the choice was theirs, so the summary says it."""
    offers = offers_of(session, interaction.id)
    if not offers:
        return []
    lines = ["Offered:"] + [f"- {offer.title}" + (" (chosen)" if offer.chosen else "") for offer in offers]
    if interaction.solutions_declined:
        lines.append("The customer declined every option offered.")
    return lines


def _goodwill_lines(session: Session, interaction_id: int) -> list[str]:
    """What was granted to keep the customer, in the desk's currency, with who approved an overrun."""
    grants = session.exec(select(GoodwillGrant).where(GoodwillGrant.interaction_id == interaction_id)
                          .order_by(GoodwillGrant.at, GoodwillGrant.id)).all()
    if not grants:
        return []
    currency = load_rules(session).currency
    lines = ["Goodwill:"]
    for grant in grants:
        approved = session.get(Agent, grant.approved_by_id) if grant.approved_by_id else None
        lines.append(f"- {GOODWILL_WORDS.get(grant.kind, grant.kind)} of {shown_money(from_cents(grant.amount_cents, currency), currency)}"
                     f": {grant.reason}" + (f" (approved by {approved.name})" if approved else ""))
    return lines


def wrap_up(session: Session, interaction_id: int, agent_id: int, wrap: WrapUp) -> None:
    lock_row(session, Interaction, interaction_id)  # the same call wrapped up at two terminals: the second is refused
    interaction = get_interaction(session, interaction_id)
    if interaction.ended_at is not None:
        who = audit.done_by(session, "interaction", interaction_id, "close")
        raise ValidationError("interaction", f"This interaction was already wrapped up by {who}.")
    if wrap.outcome not in set(Outcome):
        raise ValidationError("outcome", "Choose an outcome: resolved, follow-up, escalated or left.")
    if interaction.owner_id != agent_id:
        raise ValidationError("owner", "Only the interaction's owner can wrap it up.")
    if wrap.outcome not in outcomes_for(handoff_count(session, interaction_id) > 0):
        raise ValidationError("outcome", "The customer was handed on, so this was not first contact: "
                                         "choose 'Resolved after a handoff'.")
    _complete_reason(interaction, wrap)
    summary = exact_text(wrap.summary, field="summary", label="The summary", max_length=NOTE_MAX_LENGTH)
    if wrap.satisfaction_asked and wrap.satisfaction not in range(1, 6):
        raise ValidationError("satisfaction", "The customer's rating is a number from 1 to 5.")
    interaction.outcome = wrap.outcome
    interaction.summary = summary
    interaction.summary_edited = summary.strip() != wrap.drafted_summary.strip()
    interaction.satisfaction = wrap.satisfaction if wrap.satisfaction_asked else None
    interaction.satisfaction_asked = wrap.satisfaction_asked
    interaction.satisfaction_comment = clean_text(
        wrap.satisfaction_comment, field="satisfaction_comment", label="The comment", max_length=5000
    )
    interaction.ended_at = utcnow()
    detail = f"outcome={wrap.outcome} summary_edited={interaction.summary_edited}"
    audit.record(session, agent_id, "close", "interaction", interaction_id, detail)
    if wrap.outcome == Outcome.FOLLOW_UP:  # the follow-up is promised in the same commit as the wrap-up
        make_follow_up(session, agent_id, interaction_id, load_rules(session),
                       what=f"Follow up: {interaction.reason or interaction.category or NO_PARTICULAR_REQUEST}")
    session.commit()


def _complete_reason(interaction: Interaction, wrap: WrapUp) -> None:
    """The reason and category the wrap-up dialog asked for, when the call still lacked them."""
    if wrap.reason is not None:
        interaction.reason = clean_line(wrap.reason, field="reason", label="The reason", max_length=500)
    if wrap.category is not None:
        interaction.category = clean_line(wrap.category, field="category", label="The category", max_length=80)
