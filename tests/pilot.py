"""Small steps the app tests share: type like a person, then wait until the desk has answered."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, Static


async def settle(pilot: Pilot) -> None:
    """Let searches and index builds running in worker threads finish and draw their results."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*[("space" if char == " " else char) for char in text])
    await settle(pilot)


def table_rows(table: DataTable) -> list[list[str]]:
    """The cells as a person reads them: plain text, markup and styles gone."""
    return [[str(getattr(cell, "plain", cell)) for cell in table.get_row_at(index)] for index in range(table.row_count)]


def shown_text(widget: Static) -> str:
    return str(getattr(widget.content, "plain", widget.content))


async def open_card(pilot: Pilot, query: str) -> None:
    """Look the customer up in the Greeting section and open the top match's greeting card."""
    await settle(pilot)
    await type_text(pilot, query)
    await pilot.press("enter")
    await settle(pilot)
