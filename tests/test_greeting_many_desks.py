"""The Greeting section with other terminals on the same database: their changes show, nothing is overwritten.

"Desk 2" is the test writing through a Desk with Desk 2's terminal id: the app's own change feed hears it,
as it would hear another terminal, and the feed records Desk 2 as where the change was made.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.message import Message
from textual.widgets import Input, Label, Static

from frontdesk.db.models import Customer, Terminal
from frontdesk.services import presence
from frontdesk.services.agents import create_agent
from frontdesk.services.changes import Change
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer, customer_record, get_customer, update_customer
from frontdesk.services.desk import Desk
from frontdesk.services.merge import merge_customers
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.greeting.customer_form import CustomerFormScreen
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from tests.pilot import hearing, open_card, settle, settle_until, shown_text, table_rows, type_text
from tests.test_greeting import two_marys  # noqa: F401  (the fixture)

SIZE = (120, 40)
DESK_2 = "d2" * 16


@pytest.fixture
def tom(two_marys: Desk) -> int:  # noqa: F811
    """Tom Baker at Desk 2; this terminal is registered too, as the app does at sign-in."""
    with two_marys.session() as session:
        tom = create_agent(session, "Tom Baker").id
        presence.register(session, DESK_2, "Desk 2", tom)
        presence.register(session, two_marys.terminal_id, "Desk 1", two_marys.agent_id)
    return tom


def changed(kind: str, customer_id: int | None = None) -> DeskChanged:
    return DeskChanged((Change(1, kind, "changed", entity_id=customer_id, customer_id=customer_id, terminal=DESK_2),))


def at_desk_2(desk: Desk) -> Desk:
    """The same database and lookup index, written from Desk 2's terminal."""
    return replace(desk, terminal_id=DESK_2, desk_name="Desk 2")


def save_at_desk_2(desk: Desk, customer_id: int, agent_id: int, **values: object) -> None:
    with at_desk_2(desk).session() as session:
        before = customer_record(get_customer(session, customer_id))
        update_customer(session, customer_id, replace(before.values, **values), agent_id, read=before)
        desk.directory.follow(session, customer_id)  # what the change feed does before DeskChanged arrives


def matches(app: FrontDeskApp) -> list[list[str]]:
    return table_rows(app.screen.query_one("#matches"))


async def test_an_edit_saved_at_another_desk_is_shown_kept_and_then_built_on(two_marys: Desk, tom: int) -> None:  # noqa: F811
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, "jackson johnson avenue")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CustomerFormScreen)
        form.query_one("#field-phones", Input).value = "+1 555 876 0099"
        form.query_one("#field-pronunciation", Input).value = "JACK-son"
        save_at_desk_2(two_marys, 2, tom, street="42 Johnson Avenue", pronunciation="JAK-sn")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        conflict = shown_text(form.query_one("#conflict", Static))
        assert "Street: 40 Johnson Avenue -> 42 Johnson Avenue (Desk 2, Tom Baker)" in conflict
        assert "Say it: — -> JAK-sn (Desk 2, Tom Baker)" in conflict
        assert "nothing was saved yet" in shown_text(form.query_one("#form-error", Label))
        assert form.query_one("#field-phones", Input).value == "+1 555 876 0099"
        assert form.query_one("#field-pronunciation", Input).value == "JACK-son"
        assert form.query_one("#field-street", Input).value == "40 Johnson Avenue"
        with two_marys.session() as session:
            stored = session.get(Customer, 2)
            assert (stored.street, stored.phones, stored.pronunciation) == ("42 Johnson Avenue", ["+1 555 876 0021"], "JAK-sn")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GreetingCardScreen)
        assert "42 Johnson Avenue · +• ••• ••• 0099" in shown_text(app.screen.query_one("#who", Static))
    with two_marys.session() as session:
        stored = session.get(Customer, 2)
        assert (stored.street, stored.phones, stored.pronunciation, stored.version) == (
            "42 Johnson Avenue", ["+1 555 876 0099"], "JACK-son", 3)


async def test_the_results_follow_customers_added_and_renamed_at_other_desks(two_marys: Desk, tom: int) -> None:  # noqa: F811
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "mary")
        assert [row[0] for row in matches(app)] == ["Mary Johnson", "Mary Jackson"]
        with two_marys.session() as session:
            added = create_customer(session, CustomerForm(given_name="Mary", family_name="Jacobs"), tom)
            two_marys.directory.follow(session, added.id)
        save_at_desk_2(two_marys, 1, tom, given_name="Marie")
        app.screen.post_message(changed("customer", added.id))
        await settle(pilot)
        names = [row[0] for row in matches(app)]
        assert "Mary Jacobs" in names and "Marie Johnson" in names and "Mary Johnson" not in names


async def test_the_open_card_shows_another_desks_correction(two_marys: Desk, tom: int) -> None:  # noqa: F811
    heard: list[Message] = []
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE, message_hook=heard.append) as pilot:
        await open_card(pilot, "johnson jackson avenue")
        await hearing(pilot)
        card = app.screen
        read = card.greeting.card
        reads: list[int] = []
        card.greeting.card = lambda customer_id, **how: reads.append(customer_id) or read(customer_id, **how)
        save_at_desk_2(two_marys, 2, tom, preferences="Call after 5 pm.")  # another customer: the card stays as it is
        await settle_until(pilot, lambda: any(isinstance(event, DeskChanged) and 2 in event.customers() for event in heard))
        assert reads == []
        assert "Prefers email" in shown_text(card.query_one("#preferences", Static))
        save_at_desk_2(two_marys, 1, tom, preferences="Hard of hearing: speak slowly.")
        await settle_until(pilot, lambda: "Hard of hearing" in shown_text(card.query_one("#preferences", Static)))
        assert reads == [1]  # read again once, for its own customer's change only


async def test_a_card_merged_away_at_another_desk_says_so_and_opens_the_record_that_stayed(two_marys: Desk, tom: int) -> None:  # noqa: F811
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, "jackson johnson avenue")
        await hearing(pilot)
        card = app.screen
        with at_desk_2(two_marys).session() as session:
            merge_customers(session, 1, 2, tom)
        await settle_until(pilot, lambda: "merged into another" in shown_text(card.query_one("#gone", Static)))
        card.post_message(changed("customer", 2))  # heard again (a catch-up after a lost connection): still said, not closed
        await settle(pilot)
        assert app.screen is card
        gone = shown_text(card.query_one("#gone", Static))
        assert "merged into another at another desk: Mary Johnson, 12 Jackson Avenue" in gone
        assert shown_text(card.query_one("#salutation", Static)) == ""
        await pilot.press("c")  # nothing can be started on a record that is gone
        await settle(pilot)
        assert app.current_mode == "greeting" and two_marys.current_interaction_id is None
        await pilot.press("o")
        await settle(pilot)
        assert card.customer_id == 1
        assert not card.query_one("#gone").display
        assert "Also known as: Mary Jackson" in shown_text(card.query_one("#who", Static))


async def test_presence_shows_who_else_has_a_customer_open(two_marys: Desk, tom: int) -> None:  # noqa: F811
    with two_marys.session() as session:
        presence.show_customer(session, DESK_2, 1)
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await hearing(pilot)
        await type_text(pilot, "mary")
        assert [(row[0], row[6]) for row in matches(app)] == [("Mary Johnson", "● Desk 2"), ("Mary Jackson", "")]
        await pilot.press("down", "down")  # the agent chooses Mary Jackson while Desk 2 turns to her
        with two_marys.session() as session:
            presence.show_customer(session, DESK_2, 2)
        await settle_until(pilot, lambda: [(row[0], row[6]) for row in matches(app)] == [("Mary Johnson", ""), ("Mary Jackson", "● Desk 2")])

        await pilot.press("enter")  # the list was searched again, and the cursor stayed on her
        await settle(pilot)
        card = app.screen
        assert isinstance(card, GreetingCardScreen) and card.customer_id == 2
        assert "also open at Desk 2 (Tom Baker)" in shown_text(card.query_one("#also-open", Static))
        with two_marys.session() as session:
            assert session.get(Terminal, two_marys.terminal_id).customer_id == 2
            presence.show_customer(session, DESK_2, None)
        await settle_until(pilot, lambda: not card.query_one("#also-open").display)

        await pilot.press("escape")
        await settle(pilot)
        with two_marys.session() as session:
            assert session.get(Terminal, two_marys.terminal_id).customer_id is None  # the card is closed
    with two_marys.session() as session:
        assert session.get(Terminal, two_marys.terminal_id) is None  # the app is closed: this terminal left the list
