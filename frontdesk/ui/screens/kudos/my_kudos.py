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
from frontdesk.ui.background import in_background
from frontdesk.ui.compact import DeskFooter
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.stylesheet import StyledOnMount


class MyKudosScreen(StyledOnMount, Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="my-kudos.back", tooltip="Back to where you were")]

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.book = KudosBook(desk)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("My kudos", id="my-kudos-title", classes="section-title", markup=False)
        yield DataTable(id="my-kudos", cursor_type="row", zebra_stripes=True)
        yield DeskFooter()

    def on_mount(self) -> None:
        self.query_one("#my-kudos", DataTable).add_columns("When", "From", "For", "Their note")
        self.reload()

    def on_desk_changed(self, event: DeskChanged) -> None:
        if event.touches("kudos"):
            self.reload()

    def reload(self) -> None:
        in_background(self, self.book.mine, self.show, group="my-kudos", exclusive=True)

    def show(self, rows: tuple[KudosRow, ...]) -> None:
        self.query_one("#my-kudos-title", Static).update(
            f"My kudos: {len(rows)}" if rows else "My kudos: none yet. They come from supervisors, for serving well."
        )
        table = self.query_one("#my-kudos", DataTable)
        table.clear()
        for row in rows:
            table.add_row(Text(short(row.at)), Text(row.sender), Text(row.earned), Text(row.note))
