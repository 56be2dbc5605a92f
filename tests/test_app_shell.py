"""The app shell through a person's keys: sign-in, the sections, and names that look like markup."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Label, Static
from sqlmodel import Session, create_engine, func, select

from frontdesk.ui.app import FrontDeskApp
from frontdesk.clock.now import utcnow
from frontdesk.db.models import Promise, PromiseStatus, Role
from frontdesk.services.desk import Desk
from frontdesk.services.desk import open_desk
from frontdesk.cli.launch import make_app
from frontdesk.ui.screens.call.call import CallScreen
from frontdesk.ui.screens.day.day import DayScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from frontdesk.ui.screens.promises.promises import PromisesScreen
from frontdesk.ui.screens.dialogs.sign_in import SignInScreen
from frontdesk.services.agents import list_agents
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from tests.known_secret import KNOWN_SECRET, PRACTICE_PIN
from tests.pilot import (
    Toasts, cut_texts_end_in_an_ellipsis, footer_keys, settle, shown_text, table_rows, type_secret, type_text, wholly_drawn,
)

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)

SIZE = (120, 40)


async def test_an_empty_database_asks_for_the_first_agent_who_becomes_supervisor(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)
        await type_text(pilot, "Sara Karimi")
        await pilot.press("enter")
        await type_text(pilot, KNOWN_SECRET)
        await pilot.press("enter")  # the same secret again
        await type_secret(pilot)
        assert isinstance(app.screen, GreetingScreen)
        assert app.desk.agent.name == "Sara Karimi"
        assert "Sara Karimi" in app.sub_title
    with open_desk(db_url).session() as session:
        assert [(agent.name, agent.role) for agent in list_agents(session)] == [("Sara Karimi", Role.SUPERVISOR)]


async def test_an_empty_agent_name_is_refused_with_a_message(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "   ")
        await pilot.press("enter")
        await type_text(pilot, KNOWN_SECRET)
        await pilot.press("enter")
        await type_secret(pilot)
        assert isinstance(app.screen, SignInScreen)
        assert "cannot be empty" in shown_text(app.screen.query_one("#form-error", Label))
    with open_desk(db_url).session() as session:
        assert list_agents(session) == []


async def test_an_existing_agent_picks_themselves_from_the_list(demo_url: str) -> None:
    app = make_app(demo_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await type_secret(pilot, PRACTICE_PIN)
        assert isinstance(app.screen, GreetingScreen)
        assert app.desk.agent.name == "Eleni Georgiou"


async def test_the_demo_desk_opens_with_its_customers(demo_url: str) -> None:
    app = make_app(demo_url, agent_name="sara karimi", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "PRACTICE DESK" in app.sub_title
        assert shown_text(app.screen.query_one("#lookup-status", Static)) == "300 customers"
        await type_text(pilot, "johnson jackson ave")
        rows = table_rows(app.screen.query_one("#matches"))
        assert rows[0][:2] == ["Mary Johnson", "12 Jackson Avenue"]


@pytest.mark.parametrize(
    ("key", "screen"), [("f3", CallScreen), ("f4", PromisesScreen), ("f5", DayScreen), ("f2", GreetingScreen)]
)
async def test_each_section_opens_by_its_key(demo_url: str, key: str, screen: type) -> None:
    app = make_app(demo_url, agent_name="Daniel Brooks", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5" if key == "f2" else "f2")
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, screen)


async def test_the_promises_section_shows_overdue_promises_first(demo_url: str) -> None:
    app = make_app(demo_url, agent_name="Daniel Brooks", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4", "a")
        await settle(pilot)
        rows = table_rows(app.screen.query_one("#promises"))
        assert rows and rows[0][1].startswith("OVERDUE")
        assert "Everyone's promises" in shown_text(app.screen.query_one("#promises-title", Static))


async def test_an_agent_cannot_widen_promises_to_everyone(demo_url: str) -> None:
    app = make_app(demo_url, agent_name="Sara Karimi", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4", "a")
        await settle(pilot)
        assert "My promises" in shown_text(app.screen.query_one("#promises-title", Static))


async def test_the_day_section_counts_todays_work(demo_url: str) -> None:
    app = make_app(demo_url, agent_name="Daniel Brooks", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        engine = create_engine(demo_url)
        with Session(engine) as session:
            still_open = select(func.count()).select_from(Promise).where(Promise.status == PromiseStatus.OPEN)
            opened = session.exec(still_open).one()
            overdue = session.exec(still_open.where(Promise.due_at < utcnow())).one()
        engine.dispose()
        assert overdue > 0
        assert f"Promises: {opened} open, {overdue} overdue" in shown_text(app.screen.query_one("#day-totals", Static))
        assert len(table_rows(app.screen.query_one("#day-agents"))) == 4
        assert table_rows(app.screen.query_one("#day-escalations")) == []


async def test_a_name_that_looks_like_markup_is_shown_literally(desk: Desk) -> None:
    with desk.session() as session:
        create_customer(session, CustomerForm(given_name="[bold]Ann[/]", family_name="[link=x]Smith", street="[red]1 Main St"), desk.agent_id)
    app, toasts = FrontDeskApp(desk), Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await settle(pilot)
        await type_text(pilot, "ann smith")
        rows = table_rows(app.screen.query_one("#matches"))
        assert rows[0][:2] == ["[bold]Ann[/] [link=x]Smith", "[red]1 Main St"]
        await pilot.press("enter")
        await settle(pilot)
        assert "[bold]Ann[/] [link=x]Smith" in shown_text(app.screen.query_one("#who", Static))
        await pilot.press("c")  # the toast names the customer, and the call header too
        await settle(pilot)
        [started] = [toast for toast in toasts if "Call with" in str(toast.message)]
        assert str(started.message).startswith("Call with [bold]Ann[/] [link=x]Smith started at ") and not started.markup
        assert "[link=x]Smith" in shown_text(app.screen.query_one("#call-header", Static))


SUPERVISORS_COMMANDS = {"Go to Day", "Edit reason categories", "Edit solution catalog", "Add a colleague",
                        "Reset a colleague's secret", "Take someone off the desk"}


async def test_the_command_palette_offers_the_sections(demo_url: str) -> None:
    app = make_app(demo_url, agent_name="Sara Karimi", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Go to Greeting", "Go to Call", "Go to Promises", "New customer", "Switch agent"} <= set(titles)
        assert SUPERVISORS_COMMANDS.isdisjoint(titles)
        await pilot.press("ctrl+p")
        await type_text(pilot, "go to promises")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromisesScreen)


@pytest.mark.parametrize(("key", "screen"), [("k", "CategoriesScreen"), ("s", "CatalogScreen")])
async def test_an_agent_cannot_open_the_supervisors_lists(desk: Desk, key: str, screen: str) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5", key)
        await settle(pilot)
        assert not any(type(shown).__name__ == screen for shown in app.screen_stack)


async def test_a_supervisor_is_offered_the_supervisors_commands_and_keys(demo_url: str) -> None:
    app = make_app(demo_url, agent_name="Daniel Brooks", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert SUPERVISORS_COMMANDS <= {command.title for command in app.get_system_commands(app.screen)}
        assert "f5" in app.screen.active_bindings


async def test_an_agents_footer_has_no_day_key(demo_url: str) -> None:
    app = make_app(demo_url, agent_name="Sara Karimi", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = {key for key, active in app.screen.active_bindings.items() if active.enabled}
        assert "f4" in shown and "f5" not in shown
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)


async def test_the_palette_key_is_shown_at_80_columns_where_a_row_has_room_for_it(demo_url: str) -> None:
    """Narrow footers left ^p out to save a line, so a new user at 80x24 never learnt there was a palette (Switch
    agent, My kudos). It is shown wherever the last row of keys has room, and never adds a row."""
    app = make_app(demo_url, agent_name="Sara Karimi", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)
        keys = footer_keys(app.screen)
        assert any("^p" in key for key in keys), "; ".join(keys)
        rows = app.screen.query("DeskFooter .footer-row")
        assert len(rows) == 1


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("section", ["f2", "f5"])
async def test_toasts_leave_the_footers_keys_in_sight(demo_url: str, section: str, size: tuple[int, int]) -> None:
    """The sign-in's reminders and any confirmation stand above the footer, however many lines the footer takes."""
    app = make_app(demo_url, agent_name="Daniel Brooks", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=size, notifications=True) as pilot:  # tests leave toasts out unless asked
        await settle(pilot)
        await pilot.press(section)
        await settle(pilot)
        for number in range(3):
            app.notify(f"Confirmation {number}: a line long enough to wrap in the toast, as a reminder's does.")
        await settle(pilot)
        toasts = list(app.screen.query("Toast"))
        assert toasts and all(toast.region.area for toast in toasts)
        keys = list(app.screen.query("Footer FooterKey"))
        covered = [key.description for key in keys if not wholly_drawn(key)]
        assert keys and not covered, f"under a toast: {covered}"
        assert len(footer_keys(app.screen)) == len(keys)


async def test_long_texts_in_the_day_sections_tables_end_in_an_ellipsis_at_80_columns(demo_url: str) -> None:
    app = make_app(demo_url, agent_name="Daniel Brooks", secret=PRACTICE_PIN, practice=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        cut_texts_end_in_an_ellipsis(app.screen.query_one("#live-queue", DataTable))
        await pilot.press("u")
        await settle(pilot)
        cut_texts_end_in_an_ellipsis(app.screen.query_one("#kudos-suggestions", DataTable))


async def test_the_layout_and_header_follow_a_resize_at_once(desk: Desk) -> None:
    """The app read its own size before Textual had stored the new one, so the narrow layout and the short header
    came one resize late: wide at 80 columns, narrow at 150."""
    app = FrontDeskApp(desk)
    async with app.run_test(size=(150, 45)) as pilot:
        await settle(pilot)
        assert not app.has_class("-narrow")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.has_class("-narrow")
        await pilot.resize_terminal(150, 45)
        await settle(pilot)
        assert not app.has_class("-narrow")
