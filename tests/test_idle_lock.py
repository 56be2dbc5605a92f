"""A terminal left alone locks over whatever was open; the same person's secret returns to it as it was."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input, Label

from frontdesk.services.agents import create_agent
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import set_rule
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.dialogs.lock import LockScreen
from frontdesk.ui.screens.dialogs.sign_in import SignInScreen
from frontdesk.ui.screens.greeting.customer_form import CustomerFormScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from tests.known_secret import KNOWN_SECRET
from tests.pilot import hearing, settle, settle_until, shown_text, type_secret, type_text

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)

SIZE = (100, 30)


def leave_alone(app: FrontDeskApp, minutes: float) -> None:
    """As if nobody had touched the terminal for `minutes`, then the periodic look at the idle time."""
    app.idle.last_used -= timedelta(minutes=minutes).total_seconds()
    app.lock_if_idle()


@pytest.fixture
def short_lock(desk: Desk, supervisor: int) -> Desk:
    with desk.session() as session:
        set_rule(session, "lock_after_idle_minutes", "3", supervisor)
    return desk


async def test_an_idle_terminal_locks_and_the_same_secret_returns_to_the_draft(short_lock: Desk) -> None:
    app = FrontDeskApp(short_lock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_text(pilot, "Ann Half-typed")
        leave_alone(app, 2.9)
        assert isinstance(app.screen, CustomerFormScreen)  # the desk rule says 3 minutes
        leave_alone(app, 0.2)
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        await pilot.press("f2", "ctrl+p")  # nothing behind the lock is reachable
        await settle(pilot)
        assert isinstance(app.screen, LockScreen) and app.current_mode == "greeting"
        await type_secret(pilot, "0000")
        assert "Wrong secret" in shown_text(app.screen.query_one("#form-error", Label))
        await type_secret(pilot, KNOWN_SECRET)
        assert isinstance(app.screen, CustomerFormScreen)
        assert "Ann Half-typed" in [box.value for box in app.screen.query(Input)]
        assert app.desk.agent.name == "Sara Karimi"


async def test_someone_else_can_sign_in_at_a_locked_terminal_and_backing_out_keeps_it_locked(short_lock: Desk) -> None:
    with short_lock.session() as session:
        create_agent(session, "Tom Baker", secret="tom-1234")
    app = FrontDeskApp(short_lock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        leave_alone(app, 10)
        await settle(pilot)
        await pilot.press("f12")
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        await pilot.press("f12")
        await settle(pilot)
        await pilot.press("end", "enter")  # Tom Baker, last on the list
        await settle(pilot)
        await type_secret(pilot, "tom-1234")
        assert isinstance(app.screen, GreetingScreen) and app.desk.agent.name == "Tom Baker"
        await pilot.press("f4")
        await settle(pilot)
        assert app.current_mode == "promises"


async def test_a_rule_changed_at_another_terminal_applies_without_signing_in_again(short_lock: Desk, supervisor: int) -> None:
    app = FrontDeskApp(short_lock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await hearing(pilot)
        assert app.idle.lock_after == timedelta(minutes=3)
        with short_lock.session() as session:  # the supervisor, at the back office
            set_rule(session, "lock_after_idle_minutes", "1", supervisor)
        await settle_until(pilot, lambda: app.idle.lock_after == timedelta(minutes=1))
        leave_alone(app, 1.1)
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
