"""The Call section: the call in progress, or what is waiting: open interactions and callbacks."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from frontdesk.ui.compact import DeskFooter
from frontdesk.clock.when import relative, short, span, span_said
from frontdesk.services.desk import Desk
from frontdesk.services.facades.calls import CallQueue, CallSection
from frontdesk.ui.background import in_background
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.call.live_call import LiveCallScreen
from frontdesk.ui.screens.call.missed_call import MissedCallScreen
from frontdesk.ui.screens.call.take_message import TakeMessageScreen
from frontdesk.ui.stylesheet import StyledOnMount
from frontdesk.ui.type_ahead import LoadsBeforeKeys

IDLE_HELP = "No call in progress.  n: call from an unknown caller · m: log a missed call · t: take a message · F2: find a customer first"


class CallScreen(LoadsBeforeKeys, StyledOnMount, Screen):
    """Follows other terminals: a callback taken or logged elsewhere, or a call handed over, updates the lists."""

    BINDINGS = [
        Binding("n", "unknown_caller", "Unknown caller", id="calls.unknown", tooltip="Start a call before you know who it is"),
        Binding("m", "missed_call", "Missed call", id="calls.missed", tooltip="Log a missed call as a callback"),
        Binding("t", "take_message", "Take a message", id="calls.message"),
        Binding("r", "reload", "Refresh", id="calls.refresh"),
        Binding("f", "show_contact", "Full number", id="calls.contact",
                tooltip="Who to call back, with the whole number (lists show its last four digits; the request is recorded)"),
    ]

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.section = CallSection(desk)
        self.starting = False
        """A call is being started (or called back): a second key press must not start another."""
        self.keys_wait = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(IDLE_HELP, id="call-idle", classes="section-title", markup=False)
        yield Static("In your hands (Enter resumes)", classes="table-title", markup=False)
        yield DataTable(id="mine", cursor_type="row", zebra_stripes=True)
        yield Static("Waiting for a reply (Enter calls back now)", classes="table-title", markup=False)
        yield DataTable(id="waiting", cursor_type="row", zebra_stripes=True)
        yield Static("", id="waiting-contact", markup=False)
        yield DeskFooter()

    def on_mount(self) -> None:
        self.query_one("#mine", DataTable).add_columns("Started", "Who", "Channel", "Reason", "Unsaved line")
        self.query_one("#waiting", DataTable).add_columns("Waiting", "Who", "What", "Due", "Owner", "Message")

    def on_screen_resume(self) -> None:
        """Back to the queue: the open call again if there is one, else the queue read afresh. Also when a dialog
        was opened over it at once (the follow-up offer after a wrap-up): the queue shows beneath it, and still
        listed the call just wrapped up until the change feed's news of it happened to arrive."""
        if self.desk.current_interaction_id is not None:
            if self.app.screen is self:  # not a resume event that arrived after the live call was already pushed
                self.app.push_screen(LiveCallScreen(self.desk, self.desk.current_interaction_id))
            return
        self.action_reload()

    def on_desk_changed(self, event: DeskChanged) -> None:
        if event.touches("callback", "promise", "interaction"):
            self.action_reload()

    def action_reload(self) -> None:
        in_background(self, self.section.queue, self.show, group="call-queue", exclusive=True)

    def show(self, queue: CallQueue) -> None:
        table = self.query_one("#mine", DataTable)
        table.clear()
        for item in queue.mine:
            table.add_row(Text(short(item.started_at)), Text(item.who), Text(item.channel), Text(item.reason),
                          Text(item.draft[:60], style="italic"), key=str(item.interaction_id))
        table = self.query_one("#waiting", DataTable)
        table.clear()
        self.hide_contact()
        for request in queue.waiting:
            style = "bold red" if request.over_limit or request.overdue else ""
            waited = span_said("over limit", request.waited) if request.over_limit else span(request.waited)
            table.add_row(Text(waited, style=style), Text(request.who), Text(request.what),
                          Text(f"{short(request.due_at)} ({relative(request.due_at)})", style=style),
                          Text(request.owner), Text(request.details[:60]), key=str(request.promise_id))

    def action_show_contact(self) -> None:
        """The chosen callback's caller as taken down, numbers in full, as the card's `f` shows a customer's."""
        table = self.query_one("#waiting", DataTable)
        if not table.row_count:
            self.notify("No callback is waiting: f shows the full number of the waiting list's chosen row.", severity="warning")
            return
        promise_id = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        in_background(self, lambda: self.section.caller_contact(promise_id), self.show_contact,
                      failed=lambda problem: self.notify(str(problem), severity="error"))

    @on(DataTable.RowHighlighted, "#waiting")
    def hide_contact(self) -> None:
        """A number shown in full belongs to one row: moving on (or a new list) hides it again."""
        self.query_one("#waiting-contact", Static).update("")

    def show_contact(self, contact: str) -> None:
        self.query_one("#waiting-contact", Static).update(Text.assemble(("Call back: ", "bold"), contact or "no number taken down"))

    def resume(self, interaction_id: int) -> None:
        self.starting = False
        self.desk.current_interaction_id = interaction_id
        self.app.push_screen(LiveCallScreen(self.desk, interaction_id))
        self.keys_may_act()

    @on(DataTable.RowSelected, "#mine")
    def resume_chosen(self, event: DataTable.RowSelected) -> None:
        self.resume(int(event.row_key.value))

    @on(DataTable.RowSelected, "#waiting")
    def call_back_chosen(self, event: DataTable.RowSelected) -> None:
        promise_id = int(event.row_key.value)
        self.start(lambda: self.section.call_back(promise_id))

    def action_unknown_caller(self) -> None:
        self.start(self.section.unknown_caller)

    def start(self, job: Callable[[], int]) -> None:
        """Keys typed with `n` or Enter wait for the call screen: the first words the caller says are a note, and here
        their letters are keys (t takes a message, m logs a missed call)."""
        if not self.starting:
            self.starting = True
            self.hold_keys()
            in_background(self, job, self.resume, failed=self.not_started)

    def not_started(self, problem: Exception) -> None:
        self.starting = False
        self.action_reload()
        self.keys_refused(f"{problem} The list is refreshed.")

    def action_missed_call(self) -> None:
        self.app.push_screen(MissedCallScreen(self.desk), lambda saved: self.action_reload())

    def action_take_message(self) -> None:
        self.app.push_screen(TakeMessageScreen(self.desk, None, "", None), lambda saved: self.action_reload())
