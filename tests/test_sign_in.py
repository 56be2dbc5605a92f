"""Signing in: the list is read off the UI thread, the first sign-in cannot be skipped, a switch can be called off."""

from __future__ import annotations

from frontdesk.services.agents import create_agent
from frontdesk.services.desk import Desk
from frontdesk.services.agents import Colleague
from frontdesk.ui.app import FrontDeskApp
from frontdesk.cli.launch import make_app
from frontdesk.ui.screens.dialogs.sign_in import SignInScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from tests.pilot import settle

SIZE = (120, 40)


async def test_the_first_sign_in_cannot_be_escaped(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)
        assert app.desk.agent is None


async def test_switching_agent_can_be_called_off_and_hands_over_a_plain_record(desk: Desk) -> None:
    with desk.session() as session:
        create_agent(session, "Tom Baker")
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_switch_agent()
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen) and desk.agent.name == "Sara Karimi"
        app.action_switch_agent()
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert desk.agent == Colleague(desk.agent.id, "Tom Baker", "agent")
