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
