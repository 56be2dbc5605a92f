"""The Promises list, the Day section and the sign-in look-ups cost a few statements, however big the desk grows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event
from sqlmodel import select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Customer
from frontdesk.demo.practice import PRACTICE_PIN, open_practice_desk
from frontdesk.services.agents import create_agent
from frontdesk.services.desk import Desk, sign_in_as
from frontdesk.services.escalations import flag_for_manager
from frontdesk.services.facades.day import DayBoard
from frontdesk.services.facades.live_queue import LiveQueue
from frontdesk.services.facades.promises import PromiseBook
from frontdesk.services.facades.staff import Staff
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import save_draft
from frontdesk.services.promises import make_promise, renegotiate

MOST_STATEMENTS = 8
"""A small constant: the demo desk's ~45 statements for the promise list (one per row) must never come back."""


@pytest.fixture
def demo(demo_url: str) -> Iterator[Desk]:
    """The practice desk with its supervisor signed in, who sees everyone's promises."""
    desk = open_practice_desk(demo_url)
    sign_in_as(desk, "Daniel Brooks", PRACTICE_PIN)
    yield desk
    desk.engine.dispose()


@contextmanager
def counted(desk: Desk) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn, _cursor, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(desk.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(desk.engine, "before_cursor_execute", count)


def statements_for(desk: Desk, read: Callable[[], object]) -> int:
    with counted(desk) as statements:
        read()
    return len(statements)


def grow(desk: Desk) -> None:
    """More of everything the views list: agents, promises (some moved), contacts, escalations, open work, drafts."""
    now = utcnow()
    with desk.session() as session:
        customers = session.exec(select(Customer.id).limit(30)).all()
        agents = [desk.agent_id, *(create_agent(session, f"New Agent {number}").id for number in range(5))]
        for index, customer_id in enumerate(customers):
            owner = agents[index % len(agents)]
            promise = make_promise(session, owner, customer_id, f"Promise {index}", now + timedelta(hours=index - 10))
            if index % 3 == 1:
                renegotiate(session, promise.id, owner, now + timedelta(days=2, minutes=index), customer_told=True)
            call = start_interaction(session, owner, customer_id, reason=f"Call {index}")
            save_draft(session, call.id, call.owner_id, f"half a line {index}")
            if index % 4 == 0:
                flag_for_manager(session, call.id, call.owner_id, "Wants a manager")


@pytest.mark.parametrize("view", ["promise list", "day summary", "open work", "reminders", "live queue"])
def test_a_view_costs_the_same_few_statements_however_many_rows_and_agents(demo: Desk, view: str) -> None:
    read = {
        "promise list": lambda: PromiseBook(demo).listing(everyone=True, due=None),
        "day summary": DayBoard(demo).today,
        "open work": Staff(demo).left_open,
        "reminders": PromiseBook(demo).due_now,
        "live queue": LiveQueue(demo).items,
    }[view]
    before = statements_for(demo, read)
    rows_before = read()
    grow(demo)
    rows_after = read()
    after = statements_for(demo, read)
    assert rows_after != rows_before  # the desk really grew in what this view shows
    assert after == before <= MOST_STATEMENTS, f"{view}: {before} statements before, {after} after growing"


def test_the_promise_list_on_the_demo_desk_reads_every_row_in_a_few_statements(demo: Desk) -> None:
    with counted(demo) as statements:
        listing = PromiseBook(demo).listing(everyone=True, due=None)
    assert len(listing.rows) >= 30
    assert len(statements) <= 4, statements  # rows, their moves, the orphans count (and BEGIN on SQLite)
