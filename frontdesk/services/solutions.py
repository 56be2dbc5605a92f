"""Solution options: real choices per kind of problem, what the customer was offered, and what they chose."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session, select

from frontdesk.db.models import SolutionOffer, SolutionOption
from frontdesk.services import audit
from frontdesk.services.guards import require_supervisor
from frontdesk.services.interactions import get_interaction
from frontdesk.services.desk_rules import desk_currency
from frontdesk.services.money import amount_of, to_cents
from frontdesk.services.validation import ValidationError, clean_line, clean_text


@dataclass(frozen=True)
class OfferedOption:
    """One option put to the customer: from the catalog (option_id) or made up for them (None)."""

    title: str
    gives: str = ""
    limitations: str = ""
    option_id: int | None = None
    goodwill_cost: Decimal = Decimal(0)


def options_for(session: Session, category: str | None) -> list[SolutionOption]:
    """The catalog for a reason category; with no category yet, the whole catalog."""
    query = select(SolutionOption).where(SolutionOption.active == True)  # noqa: E712
    if category:
        query = query.where(SolutionOption.category == category)
    return list(session.exec(query.order_by(SolutionOption.category, SolutionOption.id)))


def save_option(session: Session, agent_id: int, option: OfferedOption, category: str) -> SolutionOption:
    """Supervisors keep the catalog; limitations are part of an option, not small print."""
    require_supervisor(session, agent_id, "change_catalog")
    currency = desk_currency(session)
    cost = amount_of(option.goodwill_cost, currency, field="goodwill_cost", label="The goodwill cost", zero_allowed=True)
    row = session.get(SolutionOption, option.option_id) if option.option_id else SolutionOption(category="", title="")
    row.category = clean_line(category, field="category", label="The category", max_length=80, required=True)
    row.title = clean_line(option.title, field="title", label="The title", max_length=200, required=True)
    row.gives = clean_text(option.gives, field="gives", label="What it gives", max_length=2000)
    row.limitations = clean_text(option.limitations, field="limitations", label="Its limitations", max_length=2000)
    row.goodwill_cost_cents = to_cents(cost, currency)
    session.add(row)
    session.flush()
    audit.record(session, agent_id, "save", "solution", row.id, row.title)
    session.commit()
    return row


def retire_option(session: Session, agent_id: int, option_id: int) -> None:
    """Retired, not deleted: past offers still say what was offered."""
    require_supervisor(session, agent_id, "change_catalog")
    option = session.get(SolutionOption, option_id)
    option.active = False
    audit.record(session, agent_id, "retire", "solution", option_id, option.title)
    session.commit()


def record_offers(
    session: Session, interaction_id: int, agent_id: int, offered: Sequence[OfferedOption],
    *, chosen: int | None, limitations_explained: bool,
) -> list[SolutionOffer]:
    """`chosen` is an index into `offered`, or None when the customer declined them all."""
    if not offered:
        raise ValidationError("offered", "Mark at least one option as offered.")
    if chosen is not None and not 0 <= chosen < len(offered):
        raise ValidationError("chosen", "The chosen option must be one of those offered.")
    interaction = get_interaction(session, interaction_id)
    rows = []
    for index, option in enumerate(offered):
        rows.append(SolutionOffer(
            interaction_id=interaction_id, option_id=option.option_id, agent_id=agent_id, chosen=index == chosen,
            title=clean_line(option.title, field="title", label="An option's title", max_length=200, required=True),
            gives=clean_text(option.gives, field="gives", label="What it gives", max_length=2000),
            limitations=clean_text(option.limitations, field="limitations", label="Its limitations", max_length=2000),
        ))
    session.add_all(rows)
    interaction.solutions_declined = chosen is None
    interaction.limitations_explained = limitations_explained
    detail = f"offered {len(rows)}, " + ("declined all" if chosen is None else f"chose {rows[chosen].title}")
    audit.record(session, agent_id, "solutions", "interaction", interaction_id, detail)
    session.commit()
    return rows


def offers_of(session: Session, interaction_id: int) -> list[SolutionOffer]:
    query = select(SolutionOffer).where(SolutionOffer.interaction_id == interaction_id)
    return list(session.exec(query.order_by(SolutionOffer.offered_at, SolutionOffer.id)))
