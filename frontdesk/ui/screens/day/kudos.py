"""Kudos on the Day section: the desk's suggestions of work worth thanking for, newest first.

Enter on a suggestion opens the kudos dialog for that agent and that piece of work; `n` sends
kudos for anything else (`g` is the Charts tab's key). The list follows the change feed: a rating, a note, a promise kept or a
kudos sent at any desk adds or removes a suggestion.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from frontdesk.clock.when import relative
from frontdesk.services.desk import Desk
from frontdesk.services.facades.kudos import KudosBook
from frontdesk.services.kudos_suggestions import KudosSuggestion
from frontdesk.ui.background import in_background
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.day.send_kudos import SendKudosScreen
from frontdesk.ui.widgets.column_fit import fill_to_width

SHOWN_KINDS = ("interaction", "note", "promise", "kudos", "agent", "customer")
"""Changes that can add a suggestion (a rating, a verbatim note, a promise kept) or remove one (kudos sent)."""
COLUMNS = ("When", "Agent", "Customer", "Why")


class KudosPanel(Vertical):
    DEFAULT_CSS = """
    KudosPanel {
        height: 1fr;
        & > DataTable { height: 1fr; }
    }
    """
    """The list takes the tab's whole height and scrolls within it to the highlighted suggestion."""
    BINDINGS = [Binding("n", "give_kudos", "New kudos", id="kudos.give", tooltip="Send kudos to a colleague, for anything")]
    """Not `g`: that is the Day section's key for the Charts tab, which this list must not hide."""

    def __init__(self, desk: Desk) -> None:
        super().__init__(id="kudos-panel")
        self.desk = desk
        self.book = KudosBook(desk)
        self.suggestions: tuple[KudosSuggestion, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static("Worth a kudos (last 7 days; Enter to send)", classes="table-title", markup=False)
        yield DataTable(id="kudos-suggestions", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        """The Why column is fitted to the width: a new width lays the rows out again."""
        self.show(self.suggestions)

    def follow(self, event: DeskChanged) -> None:
        if event.touches(*SHOWN_KINDS):
            self.reload()

    def reload(self) -> None:
        in_background(self, self.book.suggestions, self.show, group="kudos-suggestions", exclusive=True)

    def show(self, suggestions: tuple[KudosSuggestion, ...]) -> None:
        self.suggestions = suggestions
        table = self.query_one("#kudos-suggestions", DataTable)
        row = table.cursor_row
        fill_to_width(table, COLUMNS, [[Text(relative(suggestion.at)), Text(suggestion.agent), Text(suggestion.who),
                                         Text(suggestion.why)] for suggestion in suggestions])
        if suggestions:
            table.move_cursor(row=min(row, len(suggestions) - 1))

    @on(DataTable.RowSelected, "#kudos-suggestions")
    def send_for_suggestion(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self.suggestions):
            self.app.push_screen(SendKudosScreen(self.desk, self.suggestions[event.cursor_row]), self.sent)

    def action_give_kudos(self) -> None:
        self.app.push_screen(SendKudosScreen(self.desk), self.sent)

    def sent(self, done: bool | None) -> None:
        if done:
            self.app.notify("Kudos sent: they will see it at their next sign-in.")
            self.reload()
