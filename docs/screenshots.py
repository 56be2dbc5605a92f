"""Regenerates the README's screenshots from the demo desk: `python docs/screenshots.py`."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from frontdesk.db import sqlite_url
from frontdesk.launch import make_app

DOCS = Path(__file__).parent
SIZE = (130, 34)


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _take(query: str, name: str, open_card: bool = False) -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = make_app(sqlite_url(Path(folder) / "demo.sqlite"), agent_name="Sara Karimi", practice=True)
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot)
            await pilot.press(*[("space" if char == " " else char) for char in query])
            await _settle(pilot)
            if open_card:
                await pilot.press("enter")
                await _settle(pilot)
            app.save_screenshot(str(DOCS / f"{name}.svg"))
        app.desk.engine.dispose()


async def main() -> None:
    await _take("mary", "demo-lookup-ambiguous")
    await _take("johnson jackson ave", "demo-greeting-card", open_card=True)


if __name__ == "__main__":
    asyncio.run(main())
