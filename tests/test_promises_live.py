"""Many desks, one truth, for promises: the sections follow other desks' changes at once, and no save overwrites theirs.

"Another desk" is the test writing to the database; the app's change feed hears it. Some tests also post the
DeskChanged the feed posts, to see the screen follow without waiting on the feed's thread.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select
from textual.message import Message
from textual.widgets import Checkbox, DataTable, Input, Label, OptionList, SelectionList

from frontdesk.clock.now import local_zone, set_clock
from frontdesk.db.models import Agent, Promise, PromiseChange, SolutionOption
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.callbacks import take_message
from frontdesk.services.categories import add_category
from frontdesk.services.changes import Change
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import add_note
from frontdesk.services.promise_rows import open_promise_rows
from frontdesk.services.promises import keep_promise, make_promise, reassign_promise, renegotiate
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.day.catalog import CatalogScreen
from frontdesk.ui.screens.day.categories import CategoriesScreen
from frontdesk.ui.screens.promises.promise_close import ClosePromiseScreen
from frontdesk.ui.screens.promises.promises import PromisesScreen
from frontdesk.ui.screens.promises.renegotiate import RenegotiateScreen
from tests.pilot import hearing, settle, settle_until, shown_text, table_rows, Toasts

SIZE = (140, 45)
WEDNESDAY_10AM = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.fixture
def desks(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> Desk:
    """Sara at this desk on a Wednesday morning (UTC); Tom works at another; Daniel supervises."""
    monkeypatch.setenv("TZ", "UTC")
    local_zone.cache_clear()
    set_clock(lambda: WEDNESDAY_10AM)
    with desk.session() as session:
        create_customer(session, CustomerForm(honorific="Mrs.", given_name="Mary", family_name="Johnson"), desk.agent_id)
        create_agent(session, "Tom Baker")
        create_agent(session, "Daniel Brooks", "supervisor")
    yield desk
    local_zone.cache_clear()


def agent_id(desk: Desk, name: str) -> int:
    with desk.reading() as session:
        return session.exec(select(Agent.id).where(Agent.name == name)).one()


def promise_at(desk: Desk, due: datetime, what: str, **options) -> int:
    with desk.session() as session:
        return make_promise(session, desk.agent_id, 1, what, due, **options).id


def another_desk_did(app: FrontDeskApp, kind: str, entity_id: int | None = None) -> None:
    """What the change feed posts to every screen when any terminal commits."""
    app.screen.post_message(DeskChanged((Change(1, kind, "changed", entity_id=entity_id, terminal="desk-2"),)))


def sign_in_as(desk: Desk, name: str) -> None:
    with desk.reading() as session:
        desk.agent = as_colleague(session.exec(select(Agent).where(Agent.name == name)).one())


async def test_the_promises_list_follows_other_desks_and_keeps_the_cursor_on_its_promise(desks: Desk) -> None:
    """Here the app's own change feed hears the other desk: nothing is posted by hand."""
    later = promise_at(desks, WEDNESDAY_10AM + timedelta(hours=4), "Refund the double charge")
    tom = agent_id(desks, "Tom Baker")
    heard: list[Message] = []
    app = FrontDeskApp(desks)
    async with app.run_test(size=SIZE, message_hook=heard.append) as pilot:
        await settle(pilot)
        await hearing(pilot)
        await pilot.press("f4")
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#promises", DataTable)
        assert [row[6] for row in table_rows(table)] == ["Refund the double charge"]
        promise_at(desks, WEDNESDAY_10AM + timedelta(hours=1), "Call back about the parcel")
        await settle_until(pilot, lambda: len(table_rows(table)) == 2)
        assert [row[6] for row in table_rows(table)] == ["Call back about the parcel", "Refund the double charge"]
        assert screen.current().promise_id == later  # the cursor stayed on the promise the agent was on

        listing = screen.book.listing
        listings: list[dict[str, object]] = []
        screen.book.listing = lambda **which: listings.append(which) or listing(**which)
        with desks.session() as session:  # Tom notes something on a call: nothing the list shows
            add_note(session, start_interaction(session, tom, 1, reason="Wrong size").id, tom, "Wants a larger one")
        await settle_until(pilot, lambda: any(isinstance(event, DeskChanged) and event.touches("note") for event in heard))
        assert listings == [] and len(table_rows(table)) == 2
        with desks.session() as session:  # Tom takes a message for Sara: her callback joins the list
            take_message(session, tom, desks.agent_id, 1, "", "Ring about the refund", WEDNESDAY_10AM + timedelta(hours=2))
        await settle_until(pilot, lambda: len(table_rows(table)) == 3)
        assert [(row[3], row[6]) for row in table_rows(table)] == [
            ("promise", "Call back about the parcel"), ("callback", "Call back with the message"), ("promise", "Refund the double charge")]
        assert listings == [{"everyone": False, "due": None}]  # read again once, for the callback
        assert screen.current().promise_id == later


async def test_the_header_counts_and_reminders_follow_other_desks_at_once(desks: Desk) -> None:
    app = FrontDeskApp(desks)
    toasts = Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await settle(pilot)
        assert "promises:" not in app.sub_title
        with desks.session() as session:  # Tom promises something in Sara's name, already late
            make_promise(session, agent_id(desks, "Tom Baker"), 1, "Send the invoice", WEDNESDAY_10AM - timedelta(hours=1),
                         owner_id=desks.agent_id)
        another_desk_did(app, "promise")
        await settle(pilot)
        assert "promises: 1 overdue, 0 due within the hour" in app.sub_title
        assert any("Overdue" in str(note.message) and "Send the invoice" in str(note.message) for note in toasts)


async def test_a_promise_falls_overdue_with_time_alone(desks: Desk) -> None:
    promise_at(desks, WEDNESDAY_10AM + timedelta(minutes=5), "Call back with the results")
    app = FrontDeskApp(desks)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert table_rows(app.screen.query_one("#promises"))[0][1] == "today in 5 min"
        assert "0 overdue, 1 due within the hour" in app.sub_title
        set_clock(lambda: WEDNESDAY_10AM + timedelta(minutes=10))
        app.screen.tick()
        app.remind()
        await settle(pilot)
        assert table_rows(app.screen.query_one("#promises"))[0][1] == "OVERDUE 5 min ago"
        assert "1 overdue, 0 due within the hour" in app.sub_title


async def test_the_day_section_follows_other_desks(desks: Desk) -> None:
    sign_in_as(desks, "Daniel Brooks")
    app = FrontDeskApp(desks)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert "0 contacts, 0 still open" in shown_text(app.screen.query_one("#day-totals"))
        with desks.session() as session:
            start_interaction(session, agent_id(desks, "Tom Baker"), 1, reason="Wrong size")
        another_desk_did(app, "interaction")
        await settle(pilot)
        assert "1 contacts, 1 still open" in shown_text(app.screen.query_one("#day-totals"))
        assert ["Tom Baker", "1", "0", "0"] in table_rows(app.screen.query_one("#day-agents"))


async def test_the_supervisors_lists_follow_catalog_and_category_changes(desks: Desk) -> None:
    sign_in_as(desks, "Daniel Brooks")
    app = FrontDeskApp(desks)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5", "s")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        with desks.session() as session:
            session.add(SolutionOption(category="Billing", title="Split the bill in three"))
            session.commit()
        another_desk_did(app, "catalog")
        await settle(pilot)
        options = app.screen.query_one("#catalog-options", OptionList)
        assert any("Split the bill in three" in str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
        await pilot.press("escape", "k")
        await settle(pilot)
        assert isinstance(app.screen, CategoriesScreen)
        with desks.session() as session:
            add_category(session, "Warranty", agent_id(desks, "Daniel Brooks"))
        another_desk_did(app, "category")
        await settle(pilot)
        listing = app.screen.query_one("#categories", SelectionList)
        assert "Warranty" in [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_a_due_time_moved_at_another_desk_is_shown_and_kept_until_the_agent_saves_again(desks: Desk) -> None:
    saved = promise_at(desks, WEDNESDAY_10AM + timedelta(hours=4), "Refund the double charge")
    app = FrontDeskApp(desks)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4", "n")
        await settle(pilot)
        app.screen.query_one("#renegotiate-due .when-input", Input).value = "fri 11:00"
        app.screen.query_one("#renegotiate-told", Checkbox).value = True
        app.screen.query_one("#renegotiate-note", Input).value = "The bank is slow"
        with desks.session() as session:  # meanwhile Tom moves it, and tells the customer
            renegotiate(session, saved, agent_id(desks, "Tom Baker"), WEDNESDAY_10AM + timedelta(days=1), customer_told=True)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RenegotiateScreen)
        error = shown_text(app.screen.query_one("#form-error", Label))
        assert "Another desk changed this promise" in error
        assert "Due: Wed 25 Nov 14:00 -> Thu 26 Nov 10:00 (Tom Baker, 10:00)" in error
        assert "Thursday 26 November, 10:00" in shown_text(app.screen.query_one("#renegotiate-now"))
        assert "Never moved" not in shown_text(app.screen.query_one("#renegotiate-history"))  # it was, just now
        assert app.screen.query_one("#renegotiate-due .when-input", Input).value == "fri 11:00"  # nothing typed is lost
        assert app.screen.query_one("#renegotiate-note", Input).value == "The bank is slow"
        with desks.reading() as session:
            assert session.get(Promise, saved).due_at.replace(tzinfo=UTC) == WEDNESDAY_10AM + timedelta(days=1)
        await pilot.press("ctrl+s")  # seen now: the agent's time goes on top of Tom's
        await settle(pilot)
        assert isinstance(app.screen, PromisesScreen)
    with desks.reading() as session:
        moves = session.exec(select(PromiseChange).order_by(PromiseChange.id)).all()
        assert [(move.agent_id, move.new_due_at.replace(tzinfo=UTC)) for move in moves] == [
            (agent_id(desks, "Tom Baker"), datetime(2026, 11, 26, 10, 0, tzinfo=UTC)),
            (desks.agent_id, datetime(2026, 11, 27, 11, 0, tzinfo=UTC)),
        ]


async def test_a_promise_kept_at_another_desk_cannot_be_kept_again(desks: Desk) -> None:
    saved = promise_at(desks, WEDNESDAY_10AM + timedelta(hours=4), "Refund the double charge")
    with desks.reading() as session:
        [listed] = open_promise_rows(session)
    app = FrontDeskApp(desks)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4", "k")
        await settle(pilot)
        app.screen.query_one("#close-note", Input).value = "Refunded by bank transfer"
        with desks.session() as session:
            keep_promise(session, saved, agent_id(desks, "Tom Baker"), "Refunded in cash")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ClosePromiseScreen)
        error = shown_text(app.screen.query_one("#form-error", Label))
        assert "already closed this promise; it cannot be closed again" in error
        assert "Kept by Tom Baker at 10:00" in error
        assert app.screen.query_one("#close-note", Input).value == "Refunded by bank transfer"
        await pilot.press("escape")  # the note typed is not thrown away at the first Escape
        await settle(pilot)
        assert isinstance(app.screen, ClosePromiseScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert table_rows(app.screen.query_one("#promises")) == []
        app.push_screen(ClosePromiseScreen(desks, listed))  # a row still listed elsewhere: said at once, before typing
        await settle(pilot)
        assert "Kept by Tom Baker at 10:00" in shown_text(app.screen.query_one("#form-error", Label))
    with desks.reading() as session:
        assert session.get(Promise, saved).closing_note == "Refunded in cash"


async def test_reassigning_a_promise_moved_elsewhere_says_what_changed(desks: Desk) -> None:
    saved = promise_at(desks, WEDNESDAY_10AM + timedelta(hours=4), "Refund the double charge")
    sign_in_as(desks, "Daniel Brooks")
    app = FrontDeskApp(desks)
    toasts = Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await settle(pilot)
        await pilot.press("f4", "a")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        with desks.session() as session:  # Sara hands her promise to Tom at her own terminal
            reassign_promise(session, saved, agent_id(desks, "Sara Karimi"), agent_id(desks, "Tom Baker"))
        await pilot.press("enter")  # Daniel Brooks (the list is Daniel, Sara, Tom)
        await settle(pilot)
        messages = [str(note.message) for note in toasts]
        assert any("Owner: Sara Karimi -> Tom Baker (Sara Karimi, 10:00)" in message for message in messages), messages
        assert table_rows(app.screen.query_one("#promises"))[0][4] == "Tom Baker"  # the list shows it as it is now
    with desks.reading() as session:
        assert session.get(Promise, saved).owner_id == agent_id(desks, "Tom Baker")
