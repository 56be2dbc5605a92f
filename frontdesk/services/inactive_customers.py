"""Customers the desk has not heard from for the years the desk rule allows, listed for a supervisor to erase."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, func, select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Customer, Interaction
from frontdesk.services.customers import LIVE
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.guards import require_supervisor

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class InactiveCustomer:
    customer_id: int
    name: str
    last_contact: datetime
    """Their last call or visit, or when the record was made if they never came."""


def inactive_customers(session: Session, agent_id: int | None) -> tuple[InactiveCustomer, ...]:
    """Longest absent first; empty while the rule erase_inactive_after_years is 0 (off, the default).

    Nothing is erased here: a supervisor confirms each erasure, since a customer may still be owed something.
    """
    require_supervisor(session, agent_id, "erase_customer")
    years = load_rules(session).erase_inactive_after_years
    if not years:
        return ()
    cutoff = utcnow() - timedelta(days=years * DAYS_PER_YEAR)
    last_contact = func.coalesce(func.max(Interaction.started_at), Customer.created_at)
    rows = session.exec(
        select(Customer.id, Customer.given_name, Customer.family_name, last_contact)
        .join(Interaction, Interaction.customer_id == Customer.id, isouter=True)
        .where(LIVE).group_by(Customer.id).having(last_contact < cutoff).order_by(last_contact, Customer.id)
    ).all()
    return tuple(InactiveCustomer(customer_id, " ".join(part for part in (given, family) if part), _aware(when))
                 for customer_id, given, family, when in rows)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back an aggregate's time without its zone; the desk stores UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=utcnow().tzinfo)
