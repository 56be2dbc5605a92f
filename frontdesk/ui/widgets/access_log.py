"""Who looked at this record: the supervisor's panel on the greeting card."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from frontdesk.clock.dates import clock_words, day_month_year
from frontdesk.services.access_log import Access
from frontdesk.services.numbers import shown_count

SHOWN = 12
"""The latest looks; the whole log is `frontdesk customer access-log ID` or an export."""


def access_log_text(entries: tuple[Access, ...]) -> Text:
    """Built from names as plain text: agent and desk names are data, never markup."""
    text = Text("Who looked at this record", style="bold")
    if not entries:
        return text.append("\nnobody yet")
    if len(entries) > SHOWN:
        text.append(f" (latest {shown_count(SHOWN)} of {shown_count(len(entries))})")
    for entry in entries[-SHOWN:][::-1]:
        text.append_text(Text.assemble("\n", f"{day_month_year(entry.at)} {clock_words(entry.at)}", "  ", entry.agent,
                                       " at ", entry.desk_name or "?", "  ", (entry.purpose, "italic")))
    return text


class AccessLogPanel(Static):
    """Hidden until a supervisor asks for it (key a), and again when asked a second time."""

    DEFAULT_CSS = """
    AccessLogPanel {
        height: auto;
        border: round $secondary;
        padding: 0 1;
        &.-hidden { display: none; }
    }
    """

    def on_mount(self) -> None:
        self.add_class("-hidden")

    def show(self, entries: tuple[Access, ...]) -> None:
        self.update(access_log_text(entries))
        self.remove_class("-hidden")

    def hide(self) -> None:
        self.add_class("-hidden")

    @property
    def showing(self) -> bool:
        return not self.has_class("-hidden")
