"""The Day section's charts as a supervisor sees them at 100x30, kept as an SVG a reviewer can open."""

from __future__ import annotations


import pytest

from day_desk import build_day_desk, utc_desk  # noqa: F401  (fixture, used by name)
from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk
from frontdesk.ui.app import FrontDeskApp
from tests.pilot import settle, type_text


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_charts_of_this_week_are_readable_at_100_by_30(desk: Desk, snap_compare) -> None:
    day = build_day_desk(desk)
    desk.agent = Colleague(day.daniel, "Daniel Brooks", "supervisor")

    async def charts_of_this_week(pilot) -> None:
        await settle(pilot)
        await pilot.press("f5", "f", "d", "ctrl+u")
        await type_text(pilot, "this week")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)

    assert snap_compare(FrontDeskApp(desk), terminal_size=(100, 30), run_before=charts_of_this_week)
