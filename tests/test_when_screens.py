"""Typed times in the forms, by keyboard: said back in the desk's language and calendar, a far date
confirmed before it is promised, a past day refused, and a missed call's own time read as the past."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select
from textual.widgets import Input, Label, Static

from frontdesk.db.models import Promise
from frontdesk.services.agents import find_agent
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import set_rule
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from frontdesk.ui.screens.promises.promise_form import PromiseFormScreen
from tests.pilot import open_card, settle, shown_text, type_text
from tests.test_promise_screens import SIZE, shop  # noqa: F401  (fixture, used by name)

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)


async def open_promise_form(pilot) -> Input:
    await open_card(pilot, "mary johnson")
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PromiseFormScreen)
    await type_text(pilot, "Order the spare part")
    return pilot.app.screen.query_one("#promise-due .when-input", Input)


def meaning(pilot) -> str:
    return shown_text(pilot.app.screen.query_one("#promise-due .when-meaning", Static))


async def test_a_date_over_six_months_ahead_is_confirmed_before_it_is_promised(shop: Desk) -> None:  # noqa: F811
    app = FrontDeskApp(shop)
    async with app.run_test(size=SIZE) as pilot:
        due = await open_promise_form(pilot)
        due.value = "2/6/2027 10:00"  # a Wednesday, open: only its distance is odd
        await settle(pilot)
        assert "over six months ahead: check the date" in meaning(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Wednesday 2 June 2027 is more than six months ahead" in shown_text(app.screen.query_one("#promise-check", Static))
        with shop.session() as session:
            assert session.exec(select(Promise)).all() == []
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GreetingCardScreen)
    with shop.session() as session:
        assert session.exec(select(Promise)).one().due_at.astimezone(UTC) == datetime(2027, 6, 2, 10, 0, tzinfo=UTC)


async def test_a_persian_jalali_desk_reads_and_says_its_own_dates(shop: Desk) -> None:  # noqa: F811
    with shop.session() as session:
        daniel = find_agent(session, "Daniel Brooks").id  # the shop's supervisor sets the desk's rules
        set_rule(session, "calendar", "jalali", daniel)
        set_rule(session, "language", "fa", daniel)
    app = FrontDeskApp(shop)
    async with app.run_test(size=SIZE) as pilot:
        due = await open_promise_form(pilot)
        due.value = "فردا ساعت ۳"
        await settle(pilot)
        assert "→ فردا، ۱۵:۰۰، ۱ روز دیگر" in meaning(pilot)
        due.value = "۳/۹"  # 3 Azar: Tuesday, yesterday
        await settle(pilot)
        assert "That is in the past (دیروز" in meaning(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "That is in the past" in shown_text(app.screen.query_one("#form-error", Label))
        due.value = "۱۴۰۵/۰۹/۰۷ ۱۱:۰۰"
        await settle(pilot)
        assert "شنبه ۷ آذر، ۱۱:۰۰" in meaning(pilot)
        await pilot.press("ctrl+s")  # Saturday: closed, so the desk offers a time it can keep, in its calendar
        await settle(pilot)
        assert "The desk is closed on شنبه ۷ آذر at ۱۱:۰۰." in shown_text(app.screen.query_one("#promise-check", Static))


async def test_a_missed_calls_own_time_is_said_back_as_now_not_tomorrow(shop: Desk) -> None:  # noqa: F811
    app = FrontDeskApp(shop)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3", "m")
        await settle(pilot)
        said = shown_text(app.screen.query_one("#missed-at .when-meaning", Static))
        assert said == "→ today, 10:00, now"
        app.screen.query_one("#missed-at .when-input", Input).value = "tomorrow 9:00"
        await settle(pilot)
        assert "That is still ahead" in shown_text(app.screen.query_one("#missed-at .when-meaning", Static))
