"""A small desk with a known day behind it, for the figures tests: every number in them is counted by hand here.

Today is Wednesday 18 November 2026 and the clock stands at 15:00 UTC. The desk's response limit is
2 hours and each agent's goodwill budget 50 EUR a month. What happened (all times UTC):

Contacts (customer, category, owners):
- I1 09:00-09:20 C1 billing: Sara, handed to Tom at 09:10; resolved by Tom, summary unedited, rated 5,
  mood upset then calm.
- I2 10:00-10:10 C2 billing: Sara; resolved, asked for a manager, rated 3, mood worried only.
- I3 11:00-11:30 C1 delivery: Tom; follow-up, rated 4, mood calm then angry.
- I4 12:00-12:50 C3 billing: Sara -> Tom -> Sara; resolved, not rated.
- I6 14:00 C2 billing: Eleni, still open (so I2 was not resolved at the first contact).
- I0 10 Nov 10:00-10:05 C2 billing: Eleni, resolved (I2 came 8 days later: outside the 7-day window).
- I5 12 Nov 10:00-10:05 C3 billing: Eleni, resolved (I4 came 6 days later: not resolved after all).
- I7 11 Nov 09:30-09:40 C4 other: Eleni, customer left (the same weekday as today, a week before).

Callbacks asked today: Sara 08:00 answered 09:00, Sara 09:00 answered 12:00; Tom 10:00 still open,
Tom 14:00 still open, Tom 11:00 answered 11:30, Tom 12:00 answered 12:45.

Promises: Sara due 10:00 kept 09:30, due 11:00 kept 11:00, due 12:00 kept 13:00 late; Tom due 13:00
open (moved at 12:30 from 12:00, after its deadline), due 16:00 open (moved at 10:00 from 15:00, in time),
a follow-up due 09:00 kept 08:00; Eleni due tomorrow.

Goodwill: Sara 30 and 40 (approved by Daniel, over budget), Tom 10 today and 25 on 30 October.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from time import tzset

import pytest

from sqlmodel import Session

from frontdesk.clock.now import local_zone, set_clock
from frontdesk.db.models import (
    Customer, GoodwillGrant, Handoff, Interaction, MoodChange, Promise, PromiseChange, PromiseKind, PromiseStatus,
)
from frontdesk.services.agents import create_agent
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import set_rule
from tests.known_secret import KNOWN_SECRET

NOW = datetime(2026, 11, 18, 15, 0, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@dataclass(frozen=True)
class DayDesk:
    sara: int
    tom: int
    eleni: int
    daniel: int


def build_day_desk(desk: Desk) -> DayDesk:
    """Fills the desk (Sara is already signed in) and stops the clock at NOW."""
    set_clock(lambda: NOW)
    with desk.session() as session:
        sara = desk.agent_id
        tom, eleni = (create_agent(session, name).id for name in ("Tom Baker", "Eleni Georgiou"))
        daniel = create_agent(session, "Daniel Brooks", "supervisor", secret=KNOWN_SECRET).id
        set_rule(session, "response_limit_hours", "2", daniel)
        people = DayDesk(sara, tom, eleni, daniel)
        customers = [Customer(given_name=name, family_name="Test") for name in ("C1", "C2", "C3", "C4")]
        session.add_all(customers)
        session.flush()
        c1, c2, c3, c4 = (customer.id for customer in customers)
        _contacts(session, people, c1, c2, c3, c4)
        _callbacks(session, people)
        _promises(session, people, c1)
        _goodwill(session, people)
        session.commit()
    return people


def _contact(session: Session, customer: int, category: str, owner: int, started: datetime, ended: datetime | None,
             outcome: str = "", *, first_owner: int | None = None, **fields) -> int:
    interaction = Interaction(customer_id=customer, category=category, owner_id=owner, created_by_id=first_owner or owner,
                              started_at=started, ended_at=ended, outcome=outcome, summary_edited=True if ended else None, **fields)
    session.add(interaction)
    session.flush()
    return interaction.id


def _contacts(session: Session, p: DayDesk, c1: int, c2: int, c3: int, c4: int) -> None:
    i1 = _contact(session, c1, "billing", p.tom, at(18, 9), at(18, 9, 20), "resolved", first_owner=p.sara, satisfaction=5)
    session.get(Interaction, i1).summary_edited = False
    session.add(Handoff(interaction_id=i1, from_agent_id=p.sara, to_agent_id=p.tom, at=at(18, 9, 10)))
    session.add_all([MoodChange(interaction_id=i1, agent_id=p.sara, mood="upset", at=at(18, 9, 1)),
                     MoodChange(interaction_id=i1, agent_id=p.tom, mood="calm", at=at(18, 9, 15))])
    i2 = _contact(session, c2, "billing", p.sara, at(18, 10), at(18, 10, 10), "resolved", satisfaction=3,
                  escalated_at=at(18, 10, 5), escalation_reason="Wants a manager")
    session.add(MoodChange(interaction_id=i2, agent_id=p.sara, mood="worried", at=at(18, 10, 1)))
    i3 = _contact(session, c1, "delivery", p.tom, at(18, 11), at(18, 11, 30), "follow-up", satisfaction=4)
    session.add_all([MoodChange(interaction_id=i3, agent_id=p.tom, mood="calm", at=at(18, 11, 1)),
                     MoodChange(interaction_id=i3, agent_id=p.tom, mood="angry", at=at(18, 11, 20))])
    i4 = _contact(session, c3, "billing", p.sara, at(18, 12), at(18, 12, 50), "resolved")
    session.add_all([Handoff(interaction_id=i4, from_agent_id=p.sara, to_agent_id=p.tom, at=at(18, 12, 10)),
                     Handoff(interaction_id=i4, from_agent_id=p.tom, to_agent_id=p.sara, at=at(18, 12, 20), reason="Back")])
    _contact(session, c2, "billing", p.eleni, at(18, 14), None)
    _contact(session, c2, "billing", p.eleni, at(10, 10), at(10, 10, 5), "resolved")
    _contact(session, c3, "billing", p.eleni, at(12, 10), at(12, 10, 5), "resolved")
    _contact(session, c4, "other", p.eleni, at(11, 9, 30), at(11, 9, 40), "left")


def _callbacks(session: Session, p: DayDesk) -> None:
    for owner, asked, answered in ((p.sara, at(18, 8), at(18, 9)), (p.sara, at(18, 9), at(18, 12)), (p.tom, at(18, 10), None),
                                   (p.tom, at(18, 14), None), (p.tom, at(18, 11), at(18, 11, 30)), (p.tom, at(18, 12), at(18, 12, 45))):
        session.add(Promise(kind=PromiseKind.CALLBACK, what="Return the missed call", contact="555", owner_id=owner,
                            created_by_id=owner, created_at=asked, due_at=at(18, 12), closed_at=answered,
                            status=PromiseStatus.KEPT if answered else PromiseStatus.OPEN))


def _promises(session: Session, p: DayDesk, customer: int) -> None:
    rows = (
        (p.sara, at(18, 10), at(18, 9, 30), False, PromiseKind.PROMISE), (p.sara, at(18, 11), at(18, 11), False, PromiseKind.PROMISE),
        (p.sara, at(18, 12), at(18, 13), True, PromiseKind.PROMISE), (p.tom, at(18, 13), None, False, PromiseKind.PROMISE),
        (p.tom, at(18, 16), None, False, PromiseKind.PROMISE), (p.tom, at(18, 9), at(18, 8), False, PromiseKind.FOLLOW_UP),
        (p.eleni, at(19, 11), None, False, PromiseKind.PROMISE),
    )
    made = []
    for owner, due, kept, late, kind in rows:
        promise = Promise(customer_id=customer, kind=kind, what="Send the results", owner_id=owner, created_by_id=owner,
                          created_at=at(17, 9), due_at=due, closed_at=kept, kept_late=late,
                          status=PromiseStatus.KEPT if kept else PromiseStatus.OPEN)
        session.add(promise)
        made.append(promise)
    session.flush()
    session.add_all([
        PromiseChange(promise_id=made[3].id, agent_id=p.tom, at=at(18, 12, 30), old_due_at=at(18, 12), new_due_at=at(18, 13),
                      customer_told=True, told_before_deadline=False),
        PromiseChange(promise_id=made[4].id, agent_id=p.tom, at=at(18, 10), old_due_at=at(18, 15), new_due_at=at(18, 16),
                      customer_told=True, told_before_deadline=True),
    ])


def _goodwill(session: Session, p: DayDesk) -> None:
    session.add_all([
        GoodwillGrant(agent_id=p.sara, kind="gesture", amount_cents=3000, reason="Parcel lost", at=at(18, 9)),
        GoodwillGrant(agent_id=p.sara, kind="gesture", amount_cents=4000, reason="Waited an hour", at=at(18, 10), approved_by_id=p.daniel),
        GoodwillGrant(agent_id=p.tom, kind="exception", amount_cents=1000, reason="Late return", at=at(18, 11)),
        GoodwillGrant(agent_id=p.tom, kind="gesture", amount_cents=2500, reason="Last month", at=at(30, 11, month=10)),
    ])


@pytest.fixture(autouse=True)
def utc_desk(monkeypatch: pytest.MonkeyPatch):
    """The machine's zone is UTC, so "today" in the facade is the day described above on any machine.

    Autouse in every test module that imports it.
    """
    monkeypatch.setenv("TZ", "UTC")
    tzset()
    local_zone.cache_clear()
    yield
    monkeypatch.undo()
    tzset()
    local_zone.cache_clear()


@pytest.fixture(autouse=True)
def typed_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """`frontdesk report` runs with the secret of the person it names (every person here shares it)."""
    monkeypatch.setenv("FRONTDESK_SECRET", KNOWN_SECRET)


@pytest.fixture
def day(desk: Desk) -> DayDesk:
    return build_day_desk(desk)
