"""The Call section: the call in progress, or what is waiting: open interactions and callbacks."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from frontdesk.services.desk import Desk
from frontdesk.ui.screens.call.live_call import LiveCallScreen
from frontdesk.ui.screens.call.missed_call import MissedCallScreen
from frontdesk.ui.screens.call.take_message import TakeMessageScreen
from frontdesk.services.callbacks import call_back, waiting_requests
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.interactions import start_interaction
from frontdesk.services.open_work import open_work
from frontdesk.services.validation import ValidationError
from frontdesk.clock.when import relative, short, span

IDLE_HELP = "No call in progress.  n: call from an unknown caller · m: log a missed call · t: take a message · F2: find a customer first"


class CallScreen(Screen):
    BINDINGS = [
        Binding("n", "unknown_caller", "Unknown caller", id="calls.unknown", tooltip="Start a call before you know who it is"),
        Binding("m", "missed_call", "Missed call", id="calls.missed", tooltip="Log a missed call as a callback"),
        Binding("t", "take_message", "Take a message", id="calls.message"),
        Binding("r", "reload", "Refresh", id="calls.refresh"),
    ]

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(IDLE_HELP, id="call-idle", classes="section-title", markup=False)
        yield Static("In your hands (Enter resumes)", classes="table-title", markup=False)
        yield DataTable(id="mine", cursor_type="row", zebra_stripes=True)
        yield Static("Waiting for a reply (Enter calls back now)", classes="table-title", markup=False)
        yield DataTable(id="waiting", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#mine", DataTable).add_columns("Started", "Who", "Channel", "Reason", "Unsaved line")
        self.query_one("#waiting", DataTable).add_columns("Waiting", "Who", "What", "Due", "Owner", "Message")

    def on_screen_resume(self) -> None:
        if self.app.screen is not self:
            return  # a resume event that arrived after the live call was already pushed
        if self.desk.current_interaction_id is not None:
            self.app.push_screen(LiveCallScreen(self.desk, self.desk.current_interaction_id))
            return
        self.action_reload()

    def action_reload(self) -> None:
        with self.desk.reading() as session:
            mine = open_work(session, self.desk.agent_id)
            waiting = waiting_requests(session, load_rules(session))
        table = self.query_one("#mine", DataTable)
        table.clear()
        for item in mine:
            table.add_row(Text(short(item.started_at)), Text(item.who), Text(item.channel), Text(item.reason),
                          Text(item.draft[:60], style="italic"), key=str(item.interaction_id))
        table = self.query_one("#waiting", DataTable)
        table.clear()
        for request in waiting:
            style = "bold red" if request.over_limit or request.overdue else ""
            waited = f"{span(request.waited)}{' OVER LIMIT' if request.over_limit else ''}"
            table.add_row(Text(waited, style=style), Text(request.who), Text(request.what),
                          Text(f"{short(request.due_at)} ({relative(request.due_at)})", style=style),
                          Text(request.owner), Text(request.details[:60]), key=str(request.promise_id))

    def resume(self, interaction_id: int) -> None:
        self.desk.current_interaction_id = interaction_id
        self.app.push_screen(LiveCallScreen(self.desk, interaction_id))

    @on(DataTable.RowSelected, "#mine")
    def resume_chosen(self, event: DataTable.RowSelected) -> None:
        self.resume(int(event.row_key.value))

    @on(DataTable.RowSelected, "#waiting")
    def call_back_chosen(self, event: DataTable.RowSelected) -> None:
        try:
            with self.desk.session() as session:
                interaction = call_back(session, int(event.row_key.value), self.desk.agent_id)
        except ValidationError as problem:
            self.notify(f"{problem} The list is refreshed.", severity="warning")
            self.action_reload()
            return
        self.resume(interaction.id)

    def action_unknown_caller(self) -> None:
        with self.desk.session() as session:
            interaction = start_interaction(session, self.desk.agent_id, None)
        self.resume(interaction.id)

    def action_missed_call(self) -> None:
        self.app.push_screen(MissedCallScreen(self.desk), lambda saved: self.action_reload())

    def action_take_message(self) -> None:
        self.app.push_screen(TakeMessageScreen(self.desk, None, "", None), lambda saved: self.action_reload())
