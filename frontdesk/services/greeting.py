"""What the agent needs in the first seconds: who this is, how to greet them, what is still open."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, func, select

from frontdesk.clock.now import local_now
from frontdesk.db.models import Customer, Interaction
from frontdesk.lookup import Match
from frontdesk.services import audit
from frontdesk.services.agents import agent_names
from frontdesk.services.customer_form import CustomerRecord
from frontdesk.services.customers import LIVE, aliases_of, customer_record, formal_name, full_name, get_customer
from frontdesk.services.interactions import last_interaction
from frontdesk.services.presence import OpenElsewhere
from frontdesk.services.promise_rows import PromiseRow, open_promise_rows


@dataclass(frozen=True)
class CustomerSummary:
    """One row of lookup results: enough to tell look-alikes apart."""

    customer_id: int
    name: str
    street: str
    phone: str
    birth_date: date | None
    last_visit: datetime | None


@dataclass(frozen=True)
class LastVisit:
    when: datetime
    reason: str
    outcome: str
    channel: str
    agent: str


@dataclass(frozen=True)
class GreetingCard:
    customer: CustomerRecord
    name: str
    salutation: str
    last_visit: LastVisit | None
    promises: tuple[PromiseRow, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class MatchedCustomer:
    """One lookup result with what the screen shows of it."""

    match: Match
    summary: CustomerSummary
    open_at: tuple[OpenElsewhere, ...] = ()
    """Other terminals that have this customer open right now."""


def matched_customers(session: Session, matches: Sequence[Match]) -> list[MatchedCustomer]:
    """In rank order; a record merged away since the index last heard of it drops out."""
    found = summaries(session, [match.customer_id for match in matches])
    return [MatchedCustomer(match, found[match.customer_id]) for match in matches if match.customer_id in found]


def summaries(session: Session, customer_ids: list[int]) -> dict[int, CustomerSummary]:
    if not customer_ids:
        return {}
    customers = session.exec(select(Customer).where(Customer.id.in_(customer_ids), LIVE)).all()  # merged or erased elsewhere: gone
    visits = dict(session.exec(
        select(Interaction.customer_id, func.max(Interaction.started_at))
        .where(Interaction.customer_id.in_(customer_ids))
        .group_by(Interaction.customer_id)
    ).all())
    return {
        customer.id: CustomerSummary(
            customer_id=customer.id, name=full_name(customer), street=customer.street,
            phone=customer.phones[0] if customer.phones else "", birth_date=customer.birth_date,
            last_visit=visits.get(customer.id),
        )
        for customer in customers
    }


def time_of_day_greeting(hour: int) -> str:
    if 5 <= hour < 12:
        return "Good morning"
    if 12 <= hour < 18:
        return "Good afternoon"
    return "Good evening"


def greeting_card(session: Session, customer_id: int, agent_id: int | None) -> GreetingCard:
    """Reading a card is a view of personal data, so it is audited."""
    customer = get_customer(session, customer_id, viewed_by=agent_id)
    last = last_interaction(session, customer_id)
    visit = None
    if last is not None:
        visit = LastVisit(
            when=last.started_at, reason=last.reason, outcome=last.outcome, channel=last.channel,
            agent=agent_names(session).get(last.owner_id, "?"),
        )
    return GreetingCard(
        customer=customer_record(customer),
        name=full_name(customer),
        salutation=f"{time_of_day_greeting(local_now().hour)}, {formal_name(customer)}",
        last_visit=visit,
        promises=tuple(open_promise_rows(session, customer_id=customer_id)),
        aliases=tuple(aliases_of(session, customer_id)),
    )


def record_phone_shown(session: Session, customer_id: int, agent_id: int) -> None:
    """The full number is personal data shown on request: who asked, and when, is on the audit trail."""
    get_customer(session, customer_id)
    audit.record(session, agent_id, "view-phone", "customer", customer_id)
    session.commit()
