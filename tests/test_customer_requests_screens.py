"""The greeting card's supervisor keys: who looked at this record, and an export to a file the supervisor names."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from frontdesk.clock.dates import DateStyle, use_style
from frontdesk.db.models import Role
from frontdesk.services import audit
from frontdesk.services.access_log import Access
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.desk import Desk
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from frontdesk.ui.widgets.access_log import AccessLogPanel, access_log_text
from tests.pilot import open_card, settle, shown_text, table_rows, type_text
from tests.test_greeting import two_marys  # noqa: F401  (the fixture)

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)

SIZE = (120, 40)


def sign_in_supervisor(desk: Desk) -> None:
    with desk.session() as session:
        desk.agent = as_colleague(create_agent(session, "Daniel Brooks", Role.SUPERVISOR))


def footer_keys(app: FrontDeskApp) -> set[str]:
    return {binding.key for (_node, binding, enabled, _tooltip) in app.active_bindings.values() if enabled}


async def test_a_supervisor_sees_who_looked_and_exports_to_a_named_file(two_marys: Desk, tmp_path: Path) -> None:  # noqa: F811
    sign_in_supervisor(two_marys)
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, "johnson jackson ave")
        assert isinstance(app.screen, GreetingCardScreen)
        assert {"a", "x"} <= footer_keys(app)
        await pilot.press("a")
        await settle(pilot)
        panel = app.screen.query_one(AccessLogPanel)
        assert panel.showing
        assert "Daniel Brooks at " in shown_text(panel) and "greeting" in shown_text(panel)
        await pilot.press("x")
        await settle(pilot)
        await type_text(pilot, str(tmp_path / "mary.json"))
        await pilot.press("enter")
        await settle(pilot)
    document = json.loads((tmp_path / "mary.json").read_text(encoding="utf-8"))
    assert document["sections"]["customer"]["rows"][0]["family_name"] == "Johnson"


async def test_an_agent_is_not_offered_the_supervisor_keys(two_marys: Desk) -> None:  # noqa: F811
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, "johnson jackson ave")
        assert isinstance(app.screen, GreetingCardScreen)
        assert not {"a", "x"} & footer_keys(app)
        await pilot.press("a")
        await settle(pilot)
        assert not app.screen.query_one(AccessLogPanel).showing


async def test_a_supervisor_erases_from_the_card_after_giving_a_reason_and_saying_yes(two_marys: Desk) -> None:  # noqa: F811
    sign_in_supervisor(two_marys)
    app = FrontDeskApp(two_marys)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, "johnson jackson ave")
        customer_id = app.screen.customer_id
        await pilot.press("ctrl+d")
        await settle(pilot)
        await type_text(pilot, "asked in writing")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, GreetingCardScreen)
        app.screen.query_one("#query", Input).value = ""
        await settle(pilot)
        await type_text(pilot, "mary j")
        await settle(pilot)
        assert [row[0] for row in table_rows(app.screen.query_one("#matches"))][:1] == ["Mary Jackson"]
        assert customer_id not in [match.customer_id for match in two_marys.directory.search("mary johnson")]
    with two_marys.reading() as session:
        assert [event.detail for event in audit.events_for(session, "customer", customer_id) if event.action == "erase"] == [
            "asked in writing"]


def test_the_access_log_says_when_in_the_desks_calendar_and_digits() -> None:
    """8 Azar 1405 is 29 November 2026: a Persian Jalali desk reads who looked and when as it reads every other date."""
    looked = Access(datetime(2026, 11, 29, 14, 5, tzinfo=UTC), "Daniel Brooks", "Back office", "greeting")
    use_style(DateStyle("jalali", "fa"))
    persian = access_log_text((looked,)).plain
    use_style(None)
    assert "۸ آذر ۱۴۰۵" in persian and "۱۴:۰۵" in persian, persian
    assert "Nov" not in persian and "2026" not in persian
    assert "29 Nov 2026" in access_log_text((looked,)).plain
