"""Fills an empty database with a desk that looks lived in: customers, history, promises due now."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import Engine
from sqlmodel import Session

from frontdesk.clock.now import local_zone, utcnow
from frontdesk.db.models import Agent, Customer, DeskSetting, GoodwillGrant, Interaction, Note, Promise, PromiseStatus, SolutionOption
from frontdesk.demo import people
from frontdesk.demo.catalog import SOLUTIONS
from frontdesk.clock.hours import OpeningHours, at_local
from frontdesk.demo.month import add_month, promised_in_a_contact
from frontdesk.demo.people import NameBook
from frontdesk.services.agent_secrets import hash_secret
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.money import to_cents

DEMO_CUSTOMERS = 300
DEMO_HOURS = "mon-fri 09:00-17:00; sat 10:00-14:00"
"""The practice desk's opening hours (the README's example): its promises fall due only within them."""

LOOK_ALIKES = (
    dict(honorific="Mrs.", given_name="Mary", family_name="Johnson", street="12 Jackson Avenue", language="en",
         phones=["+1 555 201 3344"], birth_date=date(1958, 4, 12), preferred_address="Mrs. Johnson"),
    dict(honorific="Mrs.", given_name="Mary", family_name="Jackson", street="40 Johnson Avenue", language="en",
         phones=["+1 555 876 0021"], birth_date=date(1963, 9, 30), preferred_address="Mary"),
    dict(honorific="خانم", given_name="مریم", family_name="نیک‌نام", street="خیابان ولیعصر، پلاک ۲۱۴", language="fa",
         phones=["+98 912 345 6789"], birth_date=date(1979, 1, 5), preferred_address="خانم نیک‌نام",
         pronunciation="nik-NAAM"),
)
"""Customers a newcomer should meet on the first day: the pair that must never be confused."""


def seed_demo(engine: Engine, customers: int = DEMO_CUSTOMERS, seed: int = 7, *, pin: str) -> None:
    """Reproducible names and history (same seed, same desk), with dates relative to today; everyone's secret is `pin`."""
    rng = random.Random(seed)
    now = utcnow()
    with Session(engine) as session:
        agents = [Agent(name=name, role=role, secret_hash=hash_secret(pin)) for name, role in people.AGENTS]
        session.add_all(agents)
        session.flush()
        records = [Customer(**fields, created_by_id=agents[0].id) for fields in LOOK_ALIKES]
        records += [_random_customer(rng, agents) for _ in range(max(0, customers - len(records)))]
        session.add_all(records)
        session.flush()
        for number, customer in enumerate(records):
            visits = rng.choice((1, 2)) if number < len(LOOK_ALIKES) else rng.choice((0, 1, 1, 2, 3))
            _add_history(session, rng, customer, agents, now, visits)
        session.add(DeskSetting(key="opening_hours", value=DEMO_HOURS))
        _add_promises(session, rng, records, agents, now, OpeningHours.parse(DEMO_HOURS, tz=local_zone()))
        rules = load_rules(session)
        session.add_all(SolutionOption(category=category, title=title, gives=gives, limitations=limits,
                                       goodwill_cost_cents=to_cents(Decimal(cost), rules.currency))
                        for category, title, gives, limits, cost in SOLUTIONS)
        session.add_all(GoodwillGrant(agent_id=agent.id, kind="gesture", amount_cents=to_cents(Decimal(amount), rules.currency),
                                      reason=reason, at=now - timedelta(days=2))
                        for agent, amount, reason in ((agents[0], 20, "Parcel lost twice"), (agents[2], 35, "Waited 40 minutes")))
        add_month(session, agents, records[len(LOOK_ALIKES):], rules.opening_hours, now, rules.goodwill_budget_per_month,
                  rules.currency)
        session.commit()


def _random_customer(rng: random.Random, agents: list[Agent]) -> Customer:
    book: NameBook = rng.choice(people.BOOKS)
    woman = rng.random() < 0.55
    given = rng.choice(book.women if woman else book.men)
    family = rng.choice(book.women_families if woman and book.women_families else book.families)
    honorific = book.honorifics[0 if woman else 1]
    number = str(rng.randint(1, 250)).translate(str.maketrans("0123456789", book.digits))
    street = book.street_pattern.format(street=rng.choice(book.streets), number=number)
    return Customer(
        honorific=honorific,
        given_name=given,
        family_name=family,
        preferred_address=rng.choice((f"{honorific} {family}", given, "")),
        pronunciation=people.PRONUNCIATIONS.get(family, ""),
        phones=[f"{book.phone_prefix} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"],
        email=f"customer{rng.randint(1000, 99999)}@example.com" if rng.random() < 0.6 else "",
        street=street,
        birth_date=date(rng.randint(1935, 2005), rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.7 else None,
        language=book.language,
        preferences=rng.choice(("", "", "Prefers email to phone calls.", "Hard of hearing: speak slowly.", "Morning appointments only.")),
        created_by_id=rng.choice(agents).id,
        created_at=utcnow() - timedelta(days=rng.randint(200, 900)),
    )


def _add_history(session: Session, rng: random.Random, customer: Customer, agents: list[Agent], now: datetime,
                 visits: int) -> None:
    """The look-alikes always have some history, so a newcomer's first greeting card is a full one."""
    for _ in range(visits):
        category, reason, lines = rng.choice(people.REASONS)
        owner = rng.choice(agents)
        started = now - timedelta(days=rng.randint(1, 180), minutes=rng.randint(0, 600))
        interaction = Interaction(
            customer_id=customer.id, channel=rng.choice(("phone", "phone", "walk-in", "email", "chat")),
            reason=reason, category=category, owner_id=owner.id, created_by_id=owner.id, started_at=started,
            ended_at=started + timedelta(minutes=rng.randint(3, 25)), outcome=rng.choice(people.OUTCOMES),
            summary=f"{reason}: {lines[0]}",
        )
        session.add(interaction)
        session.flush()
        for offset, line in enumerate(lines):
            session.add(Note(interaction_id=interaction.id, agent_id=owner.id, text=line,
                             created_at=started + timedelta(minutes=offset + 1)))
        if rng.random() < 0.3:
            session.add(Note(interaction_id=interaction.id, agent_id=owner.id, text=rng.choice(people.VERBATIM),
                             verbatim=True, created_at=started + timedelta(minutes=len(lines) + 1)))


def _add_promises(session: Session, rng: random.Random, records: list[Customer], agents: list[Agent], now: datetime,
                  hours: OpeningHours) -> None:
    """Some due soon, some overdue, some upcoming, some long kept: a desk mid-week, all within its opening hours."""
    windows = (
        (12, lambda: hours.add_working_time(now, timedelta(minutes=rng.randint(5, 120))), PromiseStatus.OPEN),
        (8, lambda: _open_moment_before(hours, now - timedelta(hours=rng.randint(1, 48)), rng), PromiseStatus.OPEN),
        (20, lambda: _open_moment_on(hours, now + timedelta(days=rng.randint(1, 10)), rng), PromiseStatus.OPEN),
        (30, lambda: _open_moment_on(hours, now - timedelta(days=rng.randint(3, 90)), rng), PromiseStatus.KEPT),
    )
    for count, due, status in windows:
        for customer in rng.sample(records, count):
            owner = rng.choice(agents)
            due_at = due()
            promise = Promise(
                customer_id=customer.id, what=rng.choice(people.PROMISE_TEXTS), due_at=due_at,
                owner_id=owner.id, created_by_id=owner.id, status=status, tell_by=rng.choice(people.TELL_BY),
                created_at=min(due_at, now) - timedelta(days=rng.randint(1, 5)),  # made in a call already over
                closed_at=due_at if status == PromiseStatus.KEPT else None,
            )
            session.add(promise)
            promised_in_a_contact(session, promise, promise.created_at)


def _open_moment_on(hours: OpeningHours, around: datetime, rng: random.Random) -> datetime:
    """A half hour within the first open day from `around` on: when a real desk would promise something."""
    day = around.astimezone(hours.tz).date()
    while not hours.week[day.weekday()] or day in hours.holidays:
        day += timedelta(days=1)
    opens, closes = rng.choice(hours.week[day.weekday()])
    first, last = opens.hour * 2 + (opens.minute > 0), closes.hour * 2 + closes.minute // 30 - 1
    half_hour = rng.randint(first, max(first, last))
    return at_local(day, time(half_hour // 2, 30 * (half_hour % 2)), hours.tz)


def _open_moment_before(hours: OpeningHours, before: datetime, rng: random.Random) -> datetime:
    """An open half hour on the last open day up to `before`, and not after it: what is overdue now."""
    day = before.astimezone(hours.tz).date()
    for _ in range(366):
        if hours.week[day.weekday()] and day not in hours.holidays:
            opening = at_local(day, hours.week[day.weekday()][0][0], hours.tz)
            moment = _open_moment_on(hours, opening, rng)
            if opening <= before:
                return moment if moment <= before else opening
        day -= timedelta(days=1)
    raise ValueError("the practice desk has no opening hours")
