"""A month of history for the practice desk, in its own opening hours, so every figure and chart has
something to show: handoffs, ratings of every value, callbacks answered on time and late, promises kept
early, on time and late (the seed's overdue ones stay), due times moved, escalations and goodwill.

Seeded on its own (the rest of the demo draws from another generator), so it adds history without
changing the customers or promises the rest of the practice desk is known for.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlmodel import Session

from frontdesk.clock.hours import OpeningHours, at_local
from frontdesk.db.models import (
    Agent, Customer, GoodwillGrant, Handoff, Interaction, MoodChange, Note, Promise, PromiseChange, PromiseKind,
    PromiseStatus, Role,
)
from frontdesk.demo import people
from frontdesk.services.money import to_cents

DAYS_BACK = 30
CONTACTS_PER_DAY = (10, 18)
CALLBACKS_PER_DAY = 3
PROMISES_PER_DAY = 3
CONTACT_MINUTES = 8
"""How long the call in which a demo promise was made (or a callback returned) lasted."""
RATING_WEIGHTS = (1, 1, 2, 4, 5)
"""How often customers give 1 to 5: mostly happy, but every value occurs in a month."""
MOODS = ("calm", "worried", "upset", "angry")
PRAISE = "You have always been kind to my mother, thank you."


@dataclass
class MonthDesk:
    """Who works at the practice desk, and the goodwill each has drawn per month so far."""

    rng: random.Random
    agents: list[Agent]
    supervisor: Agent
    customers: list[Customer]
    hours: OpeningHours
    now: datetime
    budget: Decimal
    currency: str
    drawn: dict[tuple[int, int, int], Decimal] = field(default_factory=dict)


def add_month(session: Session, agents: list[Agent], customers: list[Customer], hours: OpeningHours, now: datetime,
              budget: Decimal, currency: str, seed: int = 11) -> None:
    """Every open day of the last DAYS_BACK days, up to now; one flush per day for the new ids."""
    desk = MonthDesk(random.Random(seed), [agent for agent in agents if agent.role != Role.SUPERVISOR],
                     next(agent for agent in agents if agent.role == Role.SUPERVISOR), customers, hours, now, budget, currency)
    today = now.astimezone(hours.tz).date()
    for back in range(DAYS_BACK, -1, -1):
        day = today - timedelta(days=back)
        for opens, closes in _open_intervals(hours, day):
            _a_day(session, desk, day, opens, closes)


def _open_intervals(hours: OpeningHours, day: date) -> tuple[tuple[time, time], ...]:
    return () if day in hours.holidays else hours.week[day.weekday()]


def _moment(desk: MonthDesk, day: date, opens: time, closes: time) -> datetime:
    start, end = at_local(day, opens, desk.hours.tz), at_local(day, closes, desk.hours.tz) - timedelta(minutes=30)
    return start + timedelta(seconds=desk.rng.randint(0, max(0, int((end - start).total_seconds()))))


def _a_day(session: Session, desk: MonthDesk, day: date, opens: time, closes: time) -> None:
    rng = desk.rng
    contacts = []
    for _ in range(rng.randint(*CONTACTS_PER_DAY)):
        started = _moment(desk, day, opens, closes)
        ended = started + timedelta(minutes=rng.randint(3, 30))
        if ended < desk.now:
            contacts.append(_contact(session, desk, started, ended))
    session.flush()
    for interaction, handlers, moods, praise in contacts:
        _around_contact(session, desk, interaction, handlers, moods, praise)
    for _ in range(CALLBACKS_PER_DAY):
        _callback(session, desk, _moment(desk, day, opens, closes))
    for _ in range(PROMISES_PER_DAY):
        _promise(session, desk, _moment(desk, day, opens, closes))
    if rng.random() < 0.5:
        _goodwill(session, desk, _moment(desk, day, opens, closes))


def _contact(session: Session, desk: MonthDesk, started: datetime, ended: datetime):
    rng = desk.rng
    customer = rng.choice(desk.customers)
    category, reason, lines = rng.choice(people.REASONS)
    handlers = [rng.choice(desk.agents)]
    if rng.random() < 0.15:  # handed on, and now and then handed back
        handlers.append(rng.choice([agent for agent in desk.agents if agent is not handlers[0]]))
        if rng.random() < 0.25:
            handlers.append(handlers[0])
    outcome = rng.choice(people.OUTCOMES)
    rated = rng.random() < 0.6
    interaction = Interaction(
        customer_id=customer.id, channel=rng.choice(("phone", "phone", "walk-in", "email", "chat")), reason=reason,
        category=category, owner_id=handlers[-1].id, created_by_id=handlers[0].id, started_at=started, ended_at=ended,
        outcome=outcome, summary=f"{reason}: {lines[0]}", summary_edited=rng.random() < 0.85,
        escalated_at=started + timedelta(minutes=2) if outcome == "escalated" else None,
        escalation_reason="Wants to speak to a manager about the wait" if outcome == "escalated" else "",
        satisfaction=rng.choices(range(1, 6), weights=RATING_WEIGHTS)[0] if rated else None, satisfaction_asked=rated,
    )
    session.add(interaction)
    moods = (rng.choice(MOODS), rng.choice(MOODS[:2])) if rng.random() < 0.4 else ()
    return interaction, handlers, moods, (lines, rng.random() < 0.1)


def _around_contact(session: Session, desk: MonthDesk, interaction: Interaction, handlers: list[Agent],
                    moods: tuple[str, ...], said: tuple[tuple[str, ...], bool]) -> None:
    """Handoffs, notes (now and then the customer's praise, verbatim) and the mood at the start and the end."""
    start, length = interaction.started_at, interaction.ended_at - interaction.started_at
    for step, (giver, taker) in enumerate(zip(handlers, handlers[1:]), start=1):
        session.add(Handoff(interaction_id=interaction.id, from_agent_id=giver.id, to_agent_id=taker.id,
                            at=start + length * step / len(handlers), reason="Second opinion" if step > 1 else ""))
    lines, praised = said
    for offset, line in enumerate(lines):
        session.add(Note(interaction_id=interaction.id, agent_id=handlers[0].id, text=line, created_at=start + timedelta(minutes=offset + 1)))
    if praised:
        session.add(Note(interaction_id=interaction.id, agent_id=handlers[-1].id, text=PRAISE, verbatim=True,
                         created_at=interaction.ended_at - timedelta(minutes=1)))
    for at, mood, agent in zip((start, interaction.ended_at), moods, (handlers[0], handlers[-1])):
        session.add(MoodChange(interaction_id=interaction.id, agent_id=agent.id, mood=mood, at=at))


def _callback(session: Session, desk: MonthDesk, asked: datetime) -> None:
    """Answered within minutes or hours, and now and then only the next day, past the response limit."""
    rng = desk.rng
    answered = asked + timedelta(minutes=rng.choice((10, 25, 50, 90, 180, 26 * 60, 30 * 60)))
    if answered >= desk.now:
        return
    owner = rng.choice(desk.agents)
    callback = Promise(
        customer_id=rng.choice(desk.customers).id, kind=PromiseKind.CALLBACK, what="Return the missed call",
        due_at=_within_hours(desk.hours, asked + timedelta(hours=2)), owner_id=owner.id, created_by_id=owner.id, created_at=asked,
        status=PromiseStatus.KEPT, closed_at=answered,
    )
    session.add(callback)
    promised_in_a_contact(session, callback, answered)


def promised_in_a_contact(session: Session, promise: Promise, at: datetime) -> None:
    """The call a promise was made in, or a callback returned in, recorded with it: a customer the desk promised
    something has been in touch, and their card must never say "first contact" beside the promise."""
    callback = promise.kind == PromiseKind.CALLBACK
    interaction = Interaction(
        customer_id=promise.customer_id, channel="phone", reason=promise.what, owner_id=promise.owner_id,
        created_by_id=promise.created_by_id, started_at=at, ended_at=at + timedelta(minutes=CONTACT_MINUTES),
        outcome="resolved" if callback else "follow-up",
        summary=f"Returned the call: {promise.what}" if callback else f"Promised: {promise.what}",
    )
    session.add(interaction)
    if not callback:  # a promise belongs to the call it was made in; a returned call is its own
        session.flush()
        promise.interaction_id = interaction.id


def _within_hours(hours: OpeningHours, moment: datetime) -> datetime:
    """A callback asked late in the day is due when the desk next opens, never at night (as the desk's own rule says)."""
    return moment if hours.is_open(moment) else hours.next_open(moment + timedelta(minutes=1))


def _promise(session: Session, desk: MonthDesk, due: datetime) -> None:
    """Kept early, on time or late (with the apology); some moved first, the customer told before or after."""
    rng = desk.rng
    kept = due + timedelta(minutes=rng.choice((-180, -60, -10, 0, 90, 24 * 60)))
    if kept >= desk.now:
        return
    owner = rng.choice(desk.agents)
    late = kept > due
    promise = Promise(
        customer_id=rng.choice(desk.customers).id, what=rng.choice(people.PROMISE_TEXTS), due_at=due, owner_id=owner.id,
        created_by_id=owner.id, created_at=due - timedelta(days=rng.randint(1, 3)), status=PromiseStatus.KEPT,
        closed_at=kept, tell_by=rng.choice(people.TELL_BY), kept_late=late,
        apology="Sorry it took longer than we said." if late else "", make_good="Called first thing to confirm." if late else "",
    )
    session.add(promise)
    promised_in_a_contact(session, promise, promise.created_at)
    if rng.random() < 0.2:
        session.flush()
        old_due = due - timedelta(days=1)
        told = old_due + timedelta(hours=rng.choice((-20, -4, 2)))
        session.add(PromiseChange(promise_id=promise.id, agent_id=owner.id, at=told, old_due_at=old_due,
                                  new_due_at=due, customer_told=True, told_before_deadline=told <= old_due))


def _goodwill(session: Session, desk: MonthDesk, at: datetime) -> None:
    """Drawn from the agent's monthly budget; over it, the supervisor's approval is recorded."""
    rng = desk.rng
    agent = rng.choice(desk.agents)
    amount = Decimal(rng.choice((5, 10, 15, 20, 25)))
    local = at.astimezone(desk.hours.tz)
    key = (agent.id, local.year, local.month)
    desk.drawn[key] = desk.drawn.get(key, Decimal(0)) + amount
    over = desk.drawn[key] > desk.budget
    session.add(GoodwillGrant(agent_id=agent.id, kind=rng.choice(("gesture", "exception")), amount_cents=to_cents(amount, desk.currency),
                              reason=rng.choice(("Waited past the appointment", "Parcel lost", "Fee waived, first time")),
                              at=at, approved_by_id=desk.supervisor.id if over else None))
