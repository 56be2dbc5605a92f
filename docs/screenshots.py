"""Regenerates the README's screenshots from the demo desk: `python docs/screenshots.py`."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from frontdesk.demo.practice import PRACTICE_PIN
from frontdesk.db import sqlite_url
from frontdesk.cli.launch import make_app

DOCS = Path(__file__).parent
SIZE = (130, 34)


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


NOTES = ("Parcel ordered ten days ago, tracking has not moved", "Needs it before the weekend for her grandson")


async def _type(pilot, text: str) -> None:
    await pilot.press(*[("space" if char == " " else char) for char in text])


async def _take(query: str, name: str, open_card: bool = False, call: bool = False) -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = make_app(sqlite_url(Path(folder) / "demo.sqlite"), agent_name="Sara Karimi", secret=PRACTICE_PIN,
                       practice=True)
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot)
            await _type(pilot, query)
            await _settle(pilot)
            if open_card or call:
                await pilot.press("enter")
                await _settle(pilot)
            if call:
                await pilot.press("c")
                await _settle(pilot)
                for note in NOTES:
                    await _type(pilot, note)
                    await pilot.press("enter")
                await pilot.press("ctrl+t")
                await _type(pilot, "I just want someone to call me back when they say they will")
                await pilot.press("enter", "f6", "2")
                await _type(pilot, "Offered a trace with the courier")
                await _settle(pilot)
            app.save_screenshot(str(DOCS / f"{name}.svg"))
        app.desk.engine.dispose()


async def main() -> None:
    await _take("mary", "demo-lookup-ambiguous")
    await _take("mary johnson 12 jackson", "demo-greeting-card", open_card=True)
    await _take("mary johnson 12 jackson", "demo-live-call", call=True)


if __name__ == "__main__":
    asyncio.run(main())
