"""The Day section: the supervisor's view of how today is going at the desk."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from frontdesk.ui.compact import DeskFooter
from frontdesk.clock.when import relative
from frontdesk.services.desk import Desk
from frontdesk.services.facades.day import DayBoard, DayView
from frontdesk.ui.background import in_background
from frontdesk.ui.messages import DeskChanged

SHOWN_KINDS = ("interaction", "promise", "callback", "customer", "agent")
"""Changes that alter today's figures or the names shown beside them."""
TICK = 60.0
"""Seconds between redraws for time passing alone: promises fall overdue, escalations wait longer."""


class DayScreen(Screen):
    BINDINGS = [
        Binding("r", "reload", "Refresh", id="day.refresh"),
        Binding("k", "app.edit_categories", "Reason categories", id="day.categories"),
        Binding("s", "app.edit_catalog", "Solution catalog", id="day.catalog"),
    ]

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.board = DayBoard(desk)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="day-totals", classes="section-title")
        yield DataTable(id="day-agents", cursor_type="row", zebra_stripes=True)
        yield Static("Wants a manager", classes="table-title", markup=False)
        yield DataTable(id="day-escalations", cursor_type="row", zebra_stripes=True)
        yield DeskFooter()

    def on_mount(self) -> None:
        self.query_one("#day-agents", DataTable).add_columns("Agent", "Contacts today", "Open promises", "Overdue")
        self.query_one("#day-escalations", DataTable).add_columns("Since", "Customer", "With", "Their reason")
        self.set_interval(TICK, self.tick)

    def on_screen_resume(self) -> None:
        self.action_reload()

    def on_desk_changed(self, event: DeskChanged) -> None:
        if event.touches(*SHOWN_KINDS):
            self.action_reload()

    def tick(self) -> None:
        if self.is_current:
            self.action_reload()

    def action_reload(self) -> None:
        in_background(self, self.board.today, self.show, group="day", exclusive=True)

    def show(self, day: DayView) -> None:
        summary = day.summary
        self.query_one("#day-totals", Static).update(Text.assemble(
            ("Today: ", "bold"), f"{summary.interactions_today} contacts, {summary.open_interactions} still open · ",
            ("Promises: ", "bold"), f"{summary.open_promises} open, ",
            (f"{summary.overdue_promises} overdue", "bold red" if summary.overdue_promises else ""),
        ))
        table = self.query_one("#day-agents", DataTable)
        table.clear()
        for agent in summary.agents:
            overdue = Text(str(agent.overdue_promises), style="bold red" if agent.overdue_promises else "")
            table.add_row(Text(agent.name), str(agent.interactions), str(agent.open_promises), overdue)
        table = self.query_one("#day-escalations", DataTable)
        table.clear()
        for row in day.escalations:
            table.add_row(Text(relative(row.since)), Text(row.who), Text(row.owner), Text(row.reason, style="bold"))
