"""What the live queue looks like, kept as SVG snapshots (open them to see): small and large terminals, a fixed clock.

The queue is shown on its own, in the Day section's widget, so the snapshots change only when the queue does,
not when the rest of the Day section is rearranged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header

from frontdesk.db import sqlite_url
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.desk import Desk, open_desk
from frontdesk.ui.screens.day.live_queue import LiveQueuePanel
from tests.pilot import settle
from tests.test_live_queue import busy_desk, signed_in_as


class QueueApp(App[None]):
    """The live queue panel alone, as a supervisor sees it on the Day section."""

    CSS_PATH = Path(__file__).parent.parent / "frontdesk" / "ui" / "app.tcss"

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk

    def compose(self) -> ComposeResult:
        yield Header()
        yield LiveQueuePanel(self.desk)
        yield Footer()


@pytest.fixture
def busy(db_path: Path) -> Desk:
    """The busy Monday of test_live_queue at 12:00 UTC, on SQLite: the same ids and times on every run."""
    desk = open_desk(sqlite_url(db_path))
    with desk.session() as session:
        desk.agent = as_colleague(create_agent(session, "Sara Karimi"))
    signed_in_as(desk, busy_desk(desk)["daniel"])
    yield desk
    desk.engine.dispose()


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_the_live_queue_oldest_first_with_late_items_in_red(snap_compare, busy: Desk, size: tuple[int, int]) -> None:
    assert snap_compare(QueueApp(busy), terminal_size=size, run_before=settle)
