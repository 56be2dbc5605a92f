"""The Greeting section as an agent uses it: type, read the rows, open the right card, fix records."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select
from textual.widgets import Input, Label, Static

from frontdesk.ui.app import FrontDeskApp
from frontdesk.clock.now import utcnow
from frontdesk.db.models import AuditEvent, Customer, Interaction
from frontdesk.services.desk import Desk
from frontdesk.ui.screens.dialogs.confirm import ConfirmScreen
from frontdesk.ui.screens.greeting.customer_form import CustomerFormScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import aliases_of, create_customer
from frontdesk.services.desk_rules import set_rule
from frontdesk.services.interactions import start_interaction
from frontdesk.services.wrap_up import WrapUp, wrap_up
from frontdesk.services.promises import make_promise
from frontdesk.services.agents import create_agent
from frontdesk.cli.launch import make_app
from tests.known_secret import PRACTICE_PIN
from tests.pilot import open_card, settle, shown_text, table_rows, type_text

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)

SIZE = (120, 40)


@pytest.fixture
def two_marys(desk: Desk) -> Desk:
    """The pair the desk must never confuse, with a little history."""
    with desk.session() as session:
        johnson = create_customer(session, CustomerForm(
            honorific="Mrs.", given_name="Mary", family_name="Johnson", street="12 Jackson Avenue",
            phones=("+1 555 201 3344",), birth_date=date(1958, 4, 12), pronunciation="JON-son",
            preferences="Prefers email to phone calls.",
        ), desk.agent_id)
        create_customer(session, CustomerForm(
            honorific="Mrs.", given_name="Mary", family_name="Jackson", street="40 Johnson Avenue",
            phones=("+1 555 876 0021",), birth_date=date(1963, 9, 30),
        ), desk.agent_id)
        visit = start_interaction(session, desk.agent_id, johnson.id, reason="Test results")
        wrap_up(session, visit.id, desk.agent_id, WrapUp(outcome="resolved", summary="Results explained.", drafted_summary=""))
        make_promise(session, desk.agent_id, johnson.id, "Call back with the results", utcnow() - timedelta(hours=3))
    return desk


def matches(app: FrontDeskApp) -> list[list[str]]:
    return table_rows(app.screen.query_one("#matches"))


async def test_as_you_type_joh_already_ranks_johnson_above_jackson(two_marys: Desk) -> None:
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "joh")
        assert matches(app)[0][0] == "Mary Johnson"
        assert matches(app)[0][2] == "+• ••• ••• 3344"


async def test_two_marys_are_flagged_and_enter_does_not_pick(two_marys: Desk) -> None:
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "mary")
        warning = app.screen.query_one("#ambiguity", Static)
        assert warning.display
        text = shown_text(warning)
        assert "2 customers fit what you typed equally well" in text
        assert "12 Jackson Avenue / 40 Johnson Avenue" in text
        assert "1958 / 1963" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, GreetingCardScreen)
        assert app.screen.customer_id == 2


async def test_back_from_a_card_typing_looks_up_the_next_customer(two_marys: Desk) -> None:
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "mary")
        await pilot.press("down", "enter")  # chosen in the results table
        await settle(pilot)
        assert isinstance(app.screen, GreetingCardScreen)
        await pilot.press("escape")
        await settle(pilot)
        box = app.screen.query_one("#query", Input)
        assert app.focused is box and box.selected_text == "mary"
        await type_text(pilot, "jo")
        assert box.value == "jo"


async def test_the_street_tells_them_apart_and_enter_opens_the_greeting_card(two_marys: Desk) -> None:
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "johnson jackson ave")
        assert not app.screen.query_one("#ambiguity").display
        assert matches(app)[0][5] == "name + street"
        await pilot.press("enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, GreetingCardScreen)
        assert shown_text(card.query_one("#salutation", Static)).endswith(", Mrs. Johnson")
        assert "Say it: JON-son" in shown_text(card.query_one("#who", Static))
        assert "Test results" in shown_text(card.query_one("#last-visit", Static))
        assert "with Sara Karimi" in shown_text(card.query_one("#last-visit", Static))
        assert "OVERDUE" in shown_text(card.query_one("#open-promises", Static))
        assert "Prefers email" in shown_text(card.query_one("#preferences", Static))


async def test_the_card_masks_the_phone_like_every_list_and_shows_it_on_request_recorded(two_marys: Desk) -> None:
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, "johnson jackson ave")
        who = app.screen.query_one("#who", Static)
        assert "•" in shown_text(who) and "3344" in shown_text(who) and "201" not in shown_text(who)
        await pilot.press("f")
        await settle(pilot)
        assert "+1 555 201 3344" in shown_text(who)
    with two_marys.session() as session:
        shown = session.exec(select(AuditEvent).where(AuditEvent.action == "view-phone")).all()
        assert [(event.entity_id, event.agent_id) for event in shown] == [(1, two_marys.agent_id)]


async def test_a_call_starts_from_the_card(two_marys: Desk) -> None:
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, "jackson johnson avenue")
        await pilot.press("c")
        await settle(pilot)
        assert app.current_mode == "call"
    with two_marys.session() as session:
        started = session.get(Interaction, two_marys.current_interaction_id)
        assert (started.customer_id, started.channel, started.owner_id) == (2, "phone", two_marys.agent_id)


async def new_customer_from(pilot, query: str) -> CustomerFormScreen:
    """The new-customer form, opened with Ctrl+N after typing `query` to find someone."""
    await settle(pilot)
    await type_text(pilot, query)
    await pilot.press("ctrl+n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CustomerFormScreen)
    return pilot.app.screen


async def test_a_new_look_alike_needs_confirmation_and_then_is_found(two_marys: Desk) -> None:
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        form = await new_customer_from(pilot, "Mary Jonson")
        assert form.query_one("#field-family_name", Input).value == "Jonson"
        await pilot.press("tab", "end")
        await type_text(pilot, "e")  # any edit of the name refreshes the look-alike list
        assert "Mary Johnson, 12 Jackson Avenue" in shown_text(form.query_one("#look-alikes", Static))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is form
        with two_marys.session() as session:
            assert len(session.exec(select(Customer)).all()) == 2
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)
        assert any(row[0] == "Mary Jonsone" for row in matches(app))


async def test_a_new_customer_without_a_name_is_refused_and_the_form_keeps_its_input(two_marys: Desk) -> None:
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        form = app.screen
        form.query_one("#field-street", Input).value = "7 Elm Street"
        form.query_one("#field-email", Input).value = "nope"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "given name or a family name" in shown_text(form.query_one("#form-error", Label))
        form.query_one("#field-family_name", Input).value = "Lee"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "does not look like an email" in shown_text(form.query_one("#form-error", Label))
        assert form.query_one("#field-email", Input).has_focus
        assert form.query_one("#field-street", Input).value == "7 Elm Street"
    with two_marys.session() as session:
        assert len(session.exec(select(Customer)).all()) == 2


async def test_correcting_a_spelling_keeps_the_old_one_findable(two_marys: Desk) -> None:
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, "jackson johnson avenue")
        await pilot.press("e")
        await settle(pilot)
        family = app.screen.query_one("#field-family_name", Input)
        family.value = "Jackstone"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GreetingCardScreen)
        assert "Also known as: Mary Jackson" in shown_text(app.screen.query_one("#who", Static))
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#query", Input).value = ""
        await type_text(pilot, "mary jackson johnson ave")
        assert matches(app)[0][0] == "Mary Jackstone"
        assert "former name" in matches(app)[0][5]
    with two_marys.session() as session:
        assert aliases_of(session, 2) == ["Mary Jackson"]


async def test_merging_two_records_from_the_list(two_marys: Desk) -> None:
    with two_marys.session() as session:
        create_customer(session, CustomerForm(given_name="Mary", family_name="Jonsen", street="12 Jackson Ave"), two_marys.agent_id)
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "johnson jackson avenue")
        await pilot.press("down")
        await pilot.press("ctrl+g")
        await settle(pilot)
        await type_text(pilot, "jonsen")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)
        assert [match.customer_id for match in two_marys.directory.search("mary jonsen")].count(3) == 0
        assert two_marys.directory.search("mary jonsen")[0].customer_id == 1
    with two_marys.session() as session:
        assert session.get(Customer, 3).merged_into_id == 1
        assert aliases_of(session, 1) == ["Mary Jonsen"]


async def test_a_new_customer_from_a_one_word_query_on_the_practice_desk_gets_it_as_given_name(demo_url: str) -> None:
    """"mary" typed to find someone, then Ctrl+N: the form says Given name Mary, not Family name mary."""
    app = make_app(demo_url, agent_name="Sara Karimi", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        form = await new_customer_from(pilot, "mary")
        assert [form.query_one(f"#field-{field}", Input).value for field in ("honorific", "given_name", "family_name")] == [
            "", "Mary", ""]
        assert form.query_one("#field-given_name", Input).has_focus


async def test_f2_goes_back_to_the_lookup_from_a_card_left_open_and_typing_looks_up(desk: Desk) -> None:
    """A card left open in the section was where F2 came back to, and typing a name there pressed its keys: "c"
    started a call with whoever was on it. F2 is the lookup, with the last query selected for the next name."""
    with desk.session() as session:
        create_customer(session, CustomerForm(given_name="Grace", family_name="Miller"), desk.agent_id)
        create_customer(session, CustomerForm(given_name="Carl", family_name="Abbot"), desk.agent_id)
    app = FrontDeskApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_card(pilot, "grace miller")
        assert isinstance(app.screen, GreetingCardScreen)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)
        await type_text(pilot, "carl abbot")
        assert app.screen.query_input.value == "carl abbot"
    with desk.session() as session:
        assert session.exec(select(Interaction)).all() == []


async def test_f2_from_another_section_selects_the_last_query_so_the_next_name_replaces_it(desk: Desk) -> None:
    """Back from the Call or Promises section the old query stayed as it was, and the next name was typed onto it."""
    with desk.session() as session:
        create_customer(session, CustomerForm(given_name="Carl", family_name="Abbot"), desk.agent_id)
    app = FrontDeskApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "grace miller")
        for section in ("f3", "f4"):
            await pilot.press(section)
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            await type_text(pilot, "carl abbot")
            assert app.screen.query_input.value == "carl abbot"


@pytest.mark.parametrize(("calendar", "language", "born"), [
    ("jalali", "fa", "born ۱۴ اسفند ۱۳۳۹"), ("gregorian", "el", "born 5 Μαρτίου 1961"), ("gregorian", "en", "born 5 March 1961"),
])
async def test_the_card_says_the_birth_date_in_the_desks_calendar_and_language(desk: Desk, calendar: str, language: str,
                                                                              born: str) -> None:
    """The card showed the form's year-first digits ("born 1339-12-14", "born 1961-03-05") on every desk."""
    with desk.session() as session:
        create_customer(session, CustomerForm(given_name="Reza", family_name="Ahmadi", birth_date=date(1961, 3, 5)),
                        desk.agent_id)
        boss = create_agent(session, "Daniel Brooks", "supervisor")
        set_rule(session, "calendar", calendar, boss.id)
        set_rule(session, "language", language, boss.id)
    desk.rules()
    app = FrontDeskApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_card(pilot, "reza ahmadi")
        assert isinstance(app.screen, GreetingCardScreen)
        assert born in shown_text(app.screen.query_one("#who", Static))


async def test_a_persian_jalali_desk_finds_a_customer_by_the_solar_hijri_birth_date(desk: Desk, supervisor: int) -> None:
    """14 Esfand 1339 (5 March 1961), typed as the customer says it: in Persian digits, year first, or with a
    two-digit year as the desk's form reads it. Her namesake born on 14 December is not the one meant."""
    with desk.session() as session:
        reza = create_customer(session, CustomerForm(given_name="رضا", family_name="احمدی", street="خیابان آزادی ۱۲",
                                                     birth_date=date(1961, 3, 5)), desk.agent_id).id
        create_customer(session, CustomerForm(given_name="رضا", family_name="احمدی", street="کوچه گلها ۳",
                                              birth_date=date(1961, 12, 14)), desk.agent_id)
        set_rule(session, "calendar", "jalali", supervisor)
        set_rule(session, "language", "fa", supervisor)
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        box = app.screen.query_one("#query", Input)
        for typed in ("۱۴/۱۲/۱۳۳۹", "1339/12/14", "1339-12-14", "14/12/39", "رضا احمدی ۱۴/۱۲/۱۳۳۹"):
            box.value = ""
            await settle(pilot)
            await type_text(pilot, typed)
            assert [row[1] for row in matches(app)][:1] == ["خیابان آزادی ۱۲"], typed
            assert "birth date" in matches(app)[0][5], typed
            assert not app.screen.query_one("#ambiguity").display, typed
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GreetingCardScreen) and app.screen.customer_id == reza


async def test_at_80_columns_a_persian_street_keeps_its_house_number(desk: Desk, supervisor: int) -> None:
    """Two Maryam Rezaeis on Karimkhan Street read the same at 80 columns: the Street column cut off "پلاک ۲۱۱" and
    "پلاک ۷۷", the numbers that tell them apart (Persian writes the house number last)."""
    with desk.session() as session:
        for given, number in (("مریم", "۲۱۱"), ("نازنین", "۷۷")):
            create_customer(session, CustomerForm(given_name=given, family_name="رضایی",
                                                  street=f"خیابان کریمخان زند، کوچه بهار، پلاک {number}",
                                                  birth_date=date(1980, 1, 1)), desk.agent_id)
        set_rule(session, "calendar", "jalali", supervisor)
        set_rule(session, "language", "fa", supervisor)
    app = FrontDeskApp(desk)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "رضایی")
        streets = [row[1] for row in matches(app)]
        assert any(street.endswith("پلاک ۲۱۱") for street in streets), streets
        assert any(street.endswith("پلاک ۷۷") for street in streets), streets
        assert all("…" in street for street in streets)  # cut in the middle, not left whole past the screen's edge
