"""My kudos: every thanks the signed-in agent has received, newest first, with who sent it and what for."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from frontdesk.clock.when import short
from frontdesk.services.desk import Desk
from frontdesk.services.facades.kudos import KudosBook
from frontdesk.services.kudos import KudosRow
from frontdesk.services.numbers import shown_count
from frontdesk.ui.background import in_background
from frontdesk.ui.compact import DeskFooter
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.stylesheet import StyledOnMount
from frontdesk.ui.widgets.column_fit import fill_to_width

COLUMNS = ("When", "From", "For", "Their note")


class MyKudosScreen(StyledOnMount, Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="my-kudos.back", tooltip="Back to where you were")]

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.book = KudosBook(desk)
        self.rows: tuple[KudosRow, ...] = ()
        """The kudos as last read: laid out again when the width changes."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("My kudos", id="my-kudos-title", classes="section-title", markup=False)
        yield DataTable(id="my-kudos", cursor_type="row", zebra_stripes=True)
        yield DeskFooter()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        """The notes are fitted to the width: a new width lays them out again."""
        self.fill_table()

    def on_desk_changed(self, event: DeskChanged) -> None:
        if event.touches("kudos"):
            self.reload()

    def reload(self) -> None:
        in_background(self, self.book.mine, self.show, group="my-kudos", exclusive=True)

    def show(self, rows: tuple[KudosRow, ...]) -> None:
        self.query_one("#my-kudos-title", Static).update(
            f"My kudos: {shown_count(len(rows))}" if rows else "My kudos: none yet. They come from supervisors, for serving well."
        )
        self.rows = rows
        self.fill_table()

    def fill_table(self) -> None:
        fill_to_width(self.query_one("#my-kudos", DataTable), COLUMNS,
                      [[Text(short(row.at)), Text(row.sender), Text(row.earned), Text(row.note)] for row in self.rows])
