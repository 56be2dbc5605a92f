"""One app run walks a section's screens and dialogs and keeps each as an SVG snapshot (pytest-textual-snapshot).

Starting an app costs about a second, so a walk takes every snapshot of its section in one run instead of
one run per picture. What would make two runs draw differently is held still: the practice desk is seeded
at a fixed moment in UTC, the clock stays there (the call's elapsed time, "3 days ago"), the cursor does not
blink, this terminal has a fixed name, and toasts are off (`run_test`'s default), since they fade on a timer.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import pickle
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime

import pytest
from pytest_textual_snapshot import (
    PseudoApp,
    PseudoConsole,
    SVGImageExtension,
    node_to_report_path,
)
from rich.console import Console
from syrupy import SnapshotAssertion
from textual.app import App
from textual.pilot import Pilot

from frontdesk.clock.now import local_zone
from frontdesk.db import change_log
from tests.pilot import settle, settle_until, type_text

NOW = datetime(2026, 11, 18, 11, 0, tzinfo=UTC)
"""A Wednesday morning, the desk open: promises due today and overdue, a month of history behind it."""
SIZES = [(80, 24), (160, 48)]
"""The smallest terminal the desk promises to fit, and a large one."""
SIZE_IDS = ["80x24", "160x48"]
DESK_NAME = "Desk 1"
"""This terminal's name, shown in "open at" and the access log (by default it is the machine's host name)."""
SUPERVISOR = "Daniel Brooks"
"""Who is signed in for the walks: a supervisor is offered every key and dialog."""


@contextmanager
def hold_zone_at_utc() -> Iterator[None]:
    """Dates, "today" and "good morning" in UTC on every machine."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    local_zone.cache_clear()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
        local_zone.cache_clear()


class Walk:
    """The pilot of one app run and the snapshots it takes; every mismatch is collected, then reported together."""

    def __init__(self, snapshot: SnapshotAssertion, request: pytest.FixtureRequest) -> None:
        self.snapshot = snapshot.use_extension(SVGImageExtension)
        self.request = request
        self.pilot: Pilot | None = None
        self.differ: list[str] = []

    @asynccontextmanager
    async def run(self, app: App, size: tuple[int, int]) -> AsyncIterator[Walk]:
        """Runs `app` at `size` for the walk; once it is over, says which snapshots differ."""
        async with app.run_test(size=size) as pilot:
            self.pilot = pilot
            await settle(pilot)
            yield self
        self.check()

    async def press(self, *keys: str) -> None:
        """Each key once the app has answered the one before (a dialog opened or closed, a search came back)."""
        for key in keys:
            await self.pilot.press(key)
            await settle(self.pilot)

    async def type(self, text: str) -> None:
        await type_text(self.pilot, text)

    async def until(self, done: Callable[[], bool]) -> None:
        """Lets the app run until `done()`: for what a timer of the app's does in its own time (a draft saved)."""
        await settle_until(self.pilot, done)

    async def shot(self, name: str) -> None:
        """Compares the screen as it stands, once every worker has answered, with the snapshot called `name`."""
        pilot = self.pilot
        await self.caught_up()
        await settle(pilot)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        svg = await self.still_picture()
        matches = self.snapshot(name=name) == svg
        if not matches:
            self.differ.append(name)
        self._report(name, matches, svg)

    async def still_picture(self, looks: int = 10) -> str:
        """The screen once two pictures 50 ms apart agree: under load a table drew its header one frame before the
        widths its new rows gave it ("Agent  Contacts today" over "Daniel Brooks   0"), and the shot caught that."""
        pilot = self.pilot
        svg = pilot.app.export_screenshot()
        for _ in range(looks):
            await pilot.pause(0.05)
            again = pilot.app.export_screenshot()
            if again == svg:
                break
            svg = again
        return svg

    async def caught_up(self) -> None:
        """Waits until the change feed has handed the screens everything committed so far, this app's own commits
        too: a screen beneath a dialog reloads when it hears, and under load that came after the picture or before."""
        app = self.pilot.app
        desk, watcher = app.desk, app.feed_relay.feed.watcher
        if watcher is None or not watcher.connected.is_set():
            return  # nobody signed in yet: the feed has not started

        def newest() -> int:
            with desk.reading() as session:
                return change_log.newest_id(session)

        committed = await asyncio.to_thread(newest)
        await settle_until(self.pilot, lambda: watcher.delivered_up_to >= committed)

    def _report(self, name: str, matches: bool, svg: str) -> None:
        """Leaves what pytest-textual-snapshot's HTML report shows, one file a snapshot (its own fixture keeps one a test)."""
        node = self.request.node
        path, line, test_name = node.reportinfo()
        execution = self.snapshot.executions.get(self.snapshot._execution_name_index.get(name))
        stored = execution is not None and execution.final_data is not None
        console = Console(legacy_windows=False, force_terminal=True)
        data = (matches, str(self.snapshot), svg, PseudoApp(PseudoConsole(console.legacy_windows, console.size)),
                path, line, f"{test_name} {name}", inspect.getdoc(node.function) or "", "", stored)
        report = node_to_report_path(node)
        report.with_name(f"{report.name}_{name}").write_bytes(pickle.dumps(data))

    def check(self) -> None:
        assert not self.differ, f"snapshots that differ: {', '.join(self.differ)} (see the snapshot report)"
