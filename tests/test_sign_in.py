"""Signing in at the screen: a secret for everyone, the practice desk's PIN in view, a switch that can be called off."""

from __future__ import annotations

import pytest
from sqlmodel import select
from textual.widgets import Input, Label

from frontdesk.db.models import Agent, AuditEvent
from frontdesk.services.agents import Colleague, create_agent
from frontdesk.services.desk import Desk, open_desk
from frontdesk.ui.app import FrontDeskApp
from frontdesk.cli.launch import make_app
from frontdesk.ui.screens.dialogs.sign_in import PRACTICE_HINT, SignInScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from tests.known_secret import KNOWN_SECRET, PRACTICE_PIN
from tests.pilot import settle, shown_text, type_secret

SIZE = (120, 40)


@pytest.mark.ui_desk
async def test_the_first_sign_in_cannot_be_escaped(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)
        assert app.desk.agent is None


@pytest.mark.ui_desk
async def test_switching_agent_can_be_called_off_and_hands_over_a_plain_record(desk: Desk) -> None:
    with desk.session() as session:
        create_agent(session, "Tom Baker", secret="tom-1234")
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
        await type_secret(pilot, KNOWN_SECRET)  # Sara's secret is not Tom's
        assert isinstance(app.screen, SignInScreen) and desk.agent.name == "Sara Karimi"
        assert "Wrong secret; 4 tries left" in shown_text(app.screen.query_one("#form-error", Label))
        assert app.screen.query_one("#secret", Input).value == ""
        await type_secret(pilot, "tom-1234")
        assert desk.agent == Colleague(desk.agent.id, "Tom Baker", "agent")


@pytest.mark.ui_desk
async def test_the_practice_desk_says_its_pin_and_agent_preselects_but_still_asks(demo_url: str) -> None:
    app = make_app(demo_url, agent_name="tom baker", practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen) and app.desk.agent is None
        assert shown_text(app.screen.query_one("#practice-pin", Label)) == PRACTICE_HINT == "Practice desk: every PIN is 0000."
        assert shown_text(app.screen.query_one("#secret-label", Label)) == "Secret for Tom Baker:"
        await type_secret(pilot, PRACTICE_PIN)
        assert isinstance(app.screen, GreetingScreen) and app.desk.agent.name == "Tom Baker"


@pytest.mark.ui_desk
async def test_five_wrong_secrets_lock_the_person_and_the_lock_is_on_the_audit_trail(demo_url: str) -> None:
    app = make_app(demo_url, agent_name="Tom Baker")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#practice-pin", Label).has_class("hidden")  # not opened as the practice desk
        for _ in range(5):
            await type_secret(pilot, "1111")
        assert "Tom Baker is locked for 5 minutes" in shown_text(app.screen.query_one("#form-error", Label))
        await type_secret(pilot, PRACTICE_PIN)  # even the right PIN waits now
        assert "locked after 5 wrong tries" in shown_text(app.screen.query_one("#form-error", Label))
        assert isinstance(app.screen, SignInScreen) and app.desk.agent is None
    with open_desk(demo_url).reading() as session:
        tom = session.exec(select(Agent).where(Agent.name == "Tom Baker")).one()
        actions = session.exec(select(AuditEvent.action).where(AuditEvent.entity == "agent", AuditEvent.entity_id == tom.id)).all()
        assert actions.count("wrong secret") == 5 and actions.count("locked") == 1 and "sign-in" not in actions


@pytest.mark.ui_desk
async def test_a_new_desk_starts_with_a_supervisor_who_types_their_secret_twice(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#name", Input).value = "Daniel Brooks"
        app.screen.query_one("#secret", Input).value = "boss-2468"
        app.screen.query_one("#secret-again", Input).value = "boss-2469"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "differ" in shown_text(app.screen.query_one("#form-error", Label))
        app.screen.query_one("#secret", Input).value = "boss-2468"
        app.screen.query_one("#secret-again", Input).value = "boss-2468"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.desk.agent.name == "Daniel Brooks" and app.desk.agent.is_supervisor


async def test_after_an_upgrade_a_supervisor_chooses_a_secret_and_an_agent_waits_for_one(db_url: str) -> None:
    """Agents from before secrets existed: the desk is set up again by its first supervisor to sign in."""
    with open_desk(db_url).session() as session:
        create_agent(session, "Daniel Brooks", "supervisor")
        create_agent(session, "Sara Karimi")
    app = make_app(db_url, agent_name="Sara Karimi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_secret(pilot, "anything")
        assert "Sara Karimi has no secret yet; a supervisor sets one" in shown_text(app.screen.query_one("#form-error", Label))
        await pilot.press("escape")  # back to the list
        await settle(pilot)
        await pilot.press("home", "enter")  # Daniel Brooks
        await settle(pilot)
        await type_secret(pilot, "whatever")
        assert not app.screen.query_one("#secret-again", Input).has_class("hidden")
        assert "Choose a PIN" in shown_text(app.screen.query_one("#secret-label", Label))
        app.screen.query_one("#secret", Input).value = "boss-2468"
        app.screen.query_one("#secret-again", Input).value = "boss-2468"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.desk.agent.name == "Daniel Brooks"
