"""A line saying which other terminals have this customer open, so two people do not serve one twice."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from frontdesk.services.presence import OpenElsewhere


def also_open_text(entries: tuple[OpenElsewhere, ...]) -> Text:
    """Plain text built from names: desk and agent names are data, never markup."""
    if not entries:
        return Text("")
    return Text.assemble(("● ", "bold yellow"), "also open at ", ", ".join(entry.describe() for entry in entries))


class AlsoOpen(Static):
    """Hidden while nobody else has the customer open."""

    DEFAULT_CSS = """
    AlsoOpen {
        height: auto;
        color: $warning;
        &.-empty { display: none; }
    }
    """

    def on_mount(self) -> None:
        self.add_class("-empty")

    def show(self, entries: tuple[OpenElsewhere, ...]) -> None:
        self.update(also_open_text(entries))
        self.set_class(not entries, "-empty")
