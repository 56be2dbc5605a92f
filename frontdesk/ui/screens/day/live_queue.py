"""The live queue on the Day section: everything waiting now, oldest first, red once it is late.

It reads the database when the change feed says something it shows moved, and redraws ages from
the clock alone between changes. Enter acts on the highlighted item: take over a call, or give a
callback or promise to someone else; `c` opens the customer's greeting card.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from frontdesk.clock.now import utcnow
from frontdesk.clock.when import span, span_said
from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk
from frontdesk.services.facades.live_queue import LiveQueue
from frontdesk.services.live_queue import QueueItem, Waiting
from frontdesk.services.numbers import shown_count
from frontdesk.ui.background import in_background
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.dialogs.agent_picker import AgentPickerScreen
from frontdesk.ui.screens.dialogs.confirm import ConfirmScreen
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from frontdesk.ui.widgets.column_fit import fill_to_width

SHOWN_KINDS = ("interaction", "promise", "callback", "customer", "agent", "rules")
"""Changes that add, remove or alter a waiting item; rules change the response limit."""
TICK = 30.0
"""Seconds between redraws for time passing alone: ages grow, items turn red. No database read."""
LATE = "bold red"
COLUMNS = ("Waited", "What", "Customer", "Owner", "About")


class LiveQueuePanel(Vertical):
    """The queue table with its title; the Day screen hands it the change feed's news through `follow`."""

    DEFAULT_CSS = """
    LiveQueuePanel {
        height: 1fr;
        min-height: 5;
        & > DataTable { height: 1fr; }
    }
    """
    """The room the Today tab's other tables leave: the table scrolls within it to the highlighted row."""
    BINDINGS = [
        Binding("c", "open_customer", "Customer", id="queue.customer", tooltip="Open the customer's greeting card"),
    ]

    def __init__(self, desk: Desk) -> None:
        super().__init__(id="live-queue-panel")
        self.desk = desk
        self.queue = LiveQueue(desk)
        self.items: tuple[QueueItem, ...] = ()
        """What the last read found, oldest first; redrawn with the clock, read again on news."""

    def compose(self) -> ComposeResult:
        yield Static("Waiting now", id="live-queue-title", classes="table-title", markup=False)
        yield DataTable(id="live-queue", cursor_type="row", zebra_stripes=True)

    @property
    def table(self) -> DataTable:
        return self.query_one("#live-queue", DataTable)

    def on_mount(self) -> None:
        self.set_interval(TICK, self.redraw)
        self.reload()

    def on_resize(self) -> None:
        """The About column is fitted to the width: a new width lays the rows out again."""
        self.redraw()

    def follow(self, event: DeskChanged) -> None:
        if event.touches(*SHOWN_KINDS):
            self.reload()

    def reload(self) -> None:
        in_background(self, self.queue.items, self.show, group="live-queue", exclusive=True)

    def show(self, items: tuple[QueueItem, ...]) -> None:
        self.items = items
        self.redraw()

    def redraw(self) -> None:
        """The rows again from what was read, at the clock's time now; the cursor stays on its item."""
        table, chosen = self.table, self.chosen()
        now = utcnow()
        rows = []
        for item in self.items:
            late = LATE if item.is_late(now) else ""
            rows.append([Text(waited(item, now), style=late), Text(item.kind, style=late), Text(item.who), Text(item.owner),
                         Text(item.about)])
        fill_to_width(table, COLUMNS, rows, [row_key(item) for item in self.items])
        title = f"Waiting now: {shown_count(len(self.items))}" if self.items else "Waiting now: nothing"
        self.query_one("#live-queue-title", Static).update(title)
        if chosen is not None and chosen in {row_key(item) for item in self.items}:
            table.move_cursor(row=table.get_row_index(chosen))

    def chosen(self) -> str | None:
        item = self.highlighted()
        return row_key(item) if item is not None else None

    def highlighted(self) -> QueueItem | None:
        row = self.table.cursor_row
        return self.items[row] if self.items and 0 <= row < min(len(self.items), self.table.row_count) else None

    @on(DataTable.RowSelected, "#live-queue")
    def open_item(self, event: DataTable.RowSelected) -> None:
        event.stop()
        item = self.highlighted()
        if item is None:
            return
        if item.is_promise:
            in_background(self, self.queue.owners, lambda owners: self.choose_owner(item, owners), group="live-queue-act")
        elif item.is_call and item.owner_id == self.desk.agent_id and item.interaction_id is not None:
            self.app.resume(item.interaction_id)  # one's own call: back to it, nothing to take over
        elif item.is_call:
            question = Text.assemble("Take over ", (item.who, "bold"), f"'s {item.kind} from ", (item.owner, "bold"), "?")
            self.app.push_screen(ConfirmScreen(question, yes="Take over"), lambda yes: self.take_over(item) if yes else None)

    def choose_owner(self, item: QueueItem, owners: tuple[Colleague, ...]) -> None:
        others = [owner for owner in owners if owner.id != item.owner_id]
        title = f"Give this {item.kind} for {item.who} (now {item.owner}'s) to:"
        self.app.push_screen(AgentPickerScreen(title, others), lambda owner_id: self.reassign(item, owner_id))

    def reassign(self, item: QueueItem, owner_id: int | None) -> None:
        if owner_id is not None:
            in_background(self, lambda: self.queue.reassign(item, owner_id), lambda _: self.reload(), group="live-queue-act")

    def take_over(self, item: QueueItem) -> None:
        in_background(self, lambda: self.queue.take_over(item), self.opened_call, group="live-queue-act")

    def opened_call(self, interaction_id: int) -> None:
        self.app.resume(interaction_id)

    def action_open_customer(self) -> None:
        item = self.highlighted()
        if item is None or item.customer_id is None:
            self.app.notify("No customer record to open: the caller is not linked to one yet.", severity="warning")
            return
        self.app.push_screen(GreetingCardScreen(self.desk, item.customer_id))


def waited(item: QueueItem, now: datetime) -> str:
    """How long it has waited, against its limit where it has one: '33 h of 24 h', 'due in 40 min', '2 h';
    all of it in the desk's language ('۳۰ دقیقه تأخیر')."""
    age = item.age(now)
    if item.kind == Waiting.PROMISE:
        return span_said("due in", -age) if age.total_seconds() < 0 else span_said("late", age)
    if item.late_at is not None:
        return span_said("of", age, item.late_at - item.since)
    return span(age)


def row_key(item: QueueItem) -> str:
    kind, number = item.key
    return f"{kind}-{number}"
