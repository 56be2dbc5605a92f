"""No silent overwrites: a correction saved on a record another desk changed since is refused and explained."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import event
from sqlmodel import Session

from frontdesk.db.models import Customer, DeskChange
from frontdesk.services import presence
from frontdesk.services.agents import create_agent
from frontdesk.services.customer_conflicts import CustomerChanged
from frontdesk.services.customer_form import CustomerForm, on_top
from frontdesk.services.customers import CustomerNotFound, create_customer, customer_record, get_customer, update_customer
from frontdesk.services.desk import Desk
from frontdesk.services.facades.greeting import GreetingDesk
from frontdesk.services.merge import merge_customers
from frontdesk.services.validation import ValidationError

OTHER_TERMINAL = "b" * 32


@pytest.fixture
def mary(desk: Desk) -> int:
    with desk.session() as session:
        return create_customer(session, CustomerForm(
            given_name="Mary", family_name="Johnson", street="12 Jackson Ave", phones=("555 0100",),
        ), desk.agent_id).id


@pytest.fixture
def tom(desk: Desk) -> int:
    """A colleague at Desk 2."""
    with desk.session() as session:
        tom = create_agent(session, "Tom Baker").id
        presence.register(session, OTHER_TERMINAL, "Desk 2", tom)
    return tom


def read(desk: Desk, customer_id: int):
    with desk.reading() as session:
        return customer_record(get_customer(session, customer_id))


def edit_at_desk_2(desk: Desk, customer_id: int, tom: int, **changes: object) -> None:
    """Tom saves a change at Desk 2, and the change feed records which terminal it came from."""
    before = read(desk, customer_id)
    with desk.session() as session:
        update_customer(session, customer_id, replace(before.values, **changes), tom, read=before)
        session.add(DeskChange(terminal=OTHER_TERMINAL, kind="customer", action="edited", entity_id=customer_id, customer_id=customer_id))
        session.commit()


def test_a_save_over_another_desks_save_is_refused_with_what_they_changed(desk: Desk, mary: int, tom: int) -> None:
    mine = read(desk, mary)
    edit_at_desk_2(desk, mary, tom, street="14 Jackson Ave")
    typed = replace(mine.values, phones=("555 0199",))
    with desk.session() as session, pytest.raises(CustomerChanged) as refused:
        update_customer(session, mary, typed, desk.agent_id, read=mine)
    assert refused.value.theirs == ("Street: 12 Jackson Ave -> 14 Jackson Ave (Desk 2, Tom Baker)",)
    assert isinstance(refused.value, ValidationError) and refused.value.current.version == mine.version + 1
    with desk.session() as session:
        stored = session.get(Customer, mary)
        assert (stored.street, stored.phones) == ("14 Jackson Ave", ["555 0100"])


def test_the_second_save_applies_the_agents_edit_on_top_of_the_other_desks(desk: Desk, mary: int, tom: int) -> None:
    mine = read(desk, mary)
    edit_at_desk_2(desk, mary, tom, street="14 Jackson Ave")
    typed = replace(mine.values, phones=("555 0199",))
    with desk.session() as session, pytest.raises(CustomerChanged) as refused:
        update_customer(session, mary, typed, desk.agent_id, read=mine)
    latest = refused.value.current
    with desk.session() as session:
        update_customer(session, mary, on_top(latest.values, mine.values, typed), desk.agent_id, read=latest)
    with desk.session() as session:
        stored = session.get(Customer, mary)
        assert (stored.street, stored.phones, stored.version) == ("14 Jackson Ave", ["555 0199"], 3)


def test_without_the_change_feed_the_agent_is_still_named(desk: Desk, mary: int, tom: int) -> None:
    mine = read(desk, mary)
    with desk.session() as session:
        update_customer(session, mary, replace(mine.values, family_name="Johnston"), tom)
    with desk.session() as session, pytest.raises(CustomerChanged) as refused:
        update_customer(session, mary, mine.values, desk.agent_id, read=mine)
    assert refused.value.theirs == ("Family name: Johnson -> Johnston (Tom Baker)",)


def test_the_race_between_reading_and_writing_is_caught_by_the_version(desk: Desk, mary: int, tom: int) -> None:
    """The version check passes on a stale copy; the UPDATE ... WHERE version = n then finds no row."""
    with Session(desk.engine, expire_on_commit=False) as mine:
        cached = get_customer(mine, mary)  # kept referenced, so the session's identity map keeps the stale copy
        stale = customer_record(cached)
        mine.commit()
        edit_at_desk_2(desk, mary, tom, street="14 Jackson Ave")
        assert cached.version == stale.version  # the stale copy passes the check made before the write
        typed = replace(stale.values, city="Springfield")
        with pytest.raises(CustomerChanged) as refused:
            update_customer(mine, mary, typed, desk.agent_id, read=stale)
    assert refused.value.theirs == ("Street: 12 Jackson Ave -> 14 Jackson Ave (Desk 2, Tom Baker)",)
    assert refused.value.current.values.street == "14 Jackson Ave"
    with desk.session() as session:
        assert session.get(Customer, mary).city == ""


def test_a_record_merged_away_meanwhile_is_refused_in_words(desk: Desk, mary: int) -> None:
    mine = read(desk, mary)
    with desk.session() as session:
        keep = create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson", street="12 Jackson Avenue"), desk.agent_id).id
        merge_customers(session, keep, mary, desk.agent_id)
    with desk.session() as session, pytest.raises(CustomerNotFound, match="merged into another record") as refused:
        update_customer(session, mary, mine.values, desk.agent_id, read=mine)
    assert refused.value.merged_into_id == keep


def test_one_presence_query_answers_a_whole_search(desk: Desk, tom: int) -> None:
    with desk.session() as session:
        ids = [create_customer(session, CustomerForm(given_name="Mary", family_name=name), desk.agent_id).id
               for name in ("Johnson", "Jackson", "Jonsen", "Johnston")]
        presence.show_customer(session, OTHER_TERMINAL, ids[1])
        desk.directory.load(session)
    statements: list[str] = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(desk.engine, "before_cursor_execute", listen)
    try:
        results = GreetingDesk(desk).search("mary")
    finally:
        event.remove(desk.engine, "before_cursor_execute", listen)
    assert len(results.rows) == 4
    assert sum("FROM terminal" in statement for statement in statements) == 1
    marked = {row.summary.name: [entry.describe() for entry in row.open_at] for row in results.rows if row.open_at}
    assert marked == {"Mary Jackson": ["Desk 2 (Tom Baker)"]}
