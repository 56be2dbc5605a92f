"""The Promises section: what the desk promised, soonest first, the late ones in red, and what to do next."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from frontdesk.ui.compact import COMPACT_BELOW, DeskFooter
from frontdesk.clock.when import due_said, short
from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk
from frontdesk.services.facades.promises import PromiseBook, PromiseListing
from frontdesk.services.numbers import shown_count
from frontdesk.services.promise_rows import PromiseRow
from frontdesk.ui.background import in_background
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.dialogs.agent_picker import AgentPickerScreen
from frontdesk.ui.screens.dialogs.form_dialog import problem_text
from frontdesk.ui.screens.promises.promise_close import ClosePromiseScreen
from frontdesk.ui.screens.promises.renegotiate import RenegotiateScreen
from frontdesk.ui.stylesheet import StyledOnMount
from frontdesk.ui.widgets.column_fit import fitted_cell, fitted_widths, last_takes_the_rest
from frontdesk.ui.widgets.promise_text import customer_said, history_text, promise_style, promise_words

COLUMNS = ("Due", "When", "Customer", "Kind", "Owner", "Tell by", "Promise")  # the long text last
COMPACT_COLUMNS = ("When", "Customer", "Owner", "Tell by", "Promise")
"""Below COMPACT_BELOW columns: the date gives way to "OVERDUE 26 h ago", the kind joins the promise's words,
and the line below the list says both in full; whose promise it is and how the customer hears stay on screen."""
FITTED = {COLUMNS: (("Customer",), 6), COMPACT_COLUMNS: (("Customer", "Owner"), 4)}
"""Per layout: the columns that narrow when space is short, and how many columns from the left must fit."""
FILTERS = (None, "overdue", "today", "week")
FILTER_WORDS = {None: "all open", "overdue": "overdue", "today": "due today", "week": "due this week"}
SHOWN_KINDS = ("promise", "callback", "customer", "agent")
"""Changes that alter what the list shows: the promises themselves, customers' names, owners (and who left)."""
TICK = 30.0
"""Seconds between redraws for time passing alone: a promise falls overdue with no one changing anything."""


class PromisesScreen(StyledOnMount, Screen):
    BINDINGS = [
        Binding("k", "keep", "Kept", id="promises.keep", tooltip="Mark kept; a late one asks for the apology and make-good"),
        Binding("n", "renegotiate", "New time", id="promises.renegotiate", tooltip="Move the due time after telling the customer"),
        Binding("o", "reassign", "New owner", id="promises.reassign"),
        Binding("f", "next_filter", "Filter", id="promises.filter"),
        Binding("a", "toggle_everyone", "Mine / everyone", id="promises.everyone", tooltip="Supervisors see every owner's promises"),
        Binding("r", "reload", "Refresh", id="promises.refresh"),
    ]

    everyone: reactive[bool] = reactive(False)
    """Supervisors can widen the list from their own promises to the whole desk's."""
    due: reactive[str | None] = reactive(None)

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.book = PromiseBook(desk)
        self.rows: tuple[PromiseRow, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="promises-title", classes="section-title")
        yield Static(id="orphans", classes="hidden")
        yield DataTable(id="promises", cursor_type="row", zebra_stripes=True)
        yield Static(id="promise-detail")
        yield DeskFooter()

    @property
    def table(self) -> DataTable:
        return self.query_one("#promises", DataTable)

    def on_mount(self) -> None:
        self.set_interval(TICK, self.tick)

    def on_resize(self) -> None:
        self.fill_table()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def on_desk_changed(self, event: DeskChanged) -> None:
        if event.touches(*SHOWN_KINDS):
            self.action_reload()

    def tick(self) -> None:
        if self.is_current:
            self.action_reload()

    def watch_everyone(self) -> None:
        self.action_reload()

    def watch_due(self) -> None:
        self.action_reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only supervisors are offered everyone's promises."""
        return action != "toggle_everyone" or self.desk.agent is None or self.desk.agent.is_supervisor

    def action_toggle_everyone(self) -> None:
        self.everyone = not self.everyone

    def action_next_filter(self) -> None:
        self.due = FILTERS[(FILTERS.index(self.due) + 1) % len(FILTERS)]

    def action_reload(self) -> None:
        """In a worker; a newer reload (a key, another desk's change) replaces one still running."""
        if not self.is_mounted:
            return
        everyone, due = self.everyone, self.due
        in_background(self, lambda: self.book.listing(everyone=everyone, due=due), self.show, group="promises", exclusive=True)

    def show(self, listing: PromiseListing) -> None:
        """Keeps the cursor on the promise it was on, wherever that promise now sits in the list."""
        current = self.current()
        self.rows = listing.rows
        self.app.remind()  # the header's counts look again with the list, never a tick behind it
        overdue = sum(row.overdue for row in self.rows)
        self.query_one("#promises-title", Static).update(Text(heading(self.everyone, self.due, len(self.rows), overdue)))
        notice = self.query_one("#orphans", Static)
        notice.set_class(not listing.orphans, "hidden")
        notice.update(Text(f"⚠ {listing.orphans} open promises belong to people no longer at the desk: choose them and press o.",
                           style="bold yellow"))
        cursor = self.table.cursor_row
        self.fill_table()
        ids = [row.promise_id for row in self.rows]
        if current is not None and current.promise_id in ids:
            cursor = ids.index(current.promise_id)
        self.table.move_cursor(row=min(cursor, len(ids) - 1) if ids else 0)
        self.show_detail()

    def fill_table(self) -> None:
        """Columns are laid out afresh for the terminal's width and these rows; the cursor stays where it was."""
        table = self.table
        cursor = table.cursor_row
        width = table.size.width or self.app.size.width
        labels = COMPACT_COLUMNS if self.app.size.width < COMPACT_BELOW else COLUMNS
        rows = [_cells(row, labels) for row in self.rows]
        shrinkable, keep = FITTED[labels]
        texts = [[label, *(cells[i].plain for cells in rows)] for i, label in enumerate(labels)]
        padding = 2 * table.cell_padding
        widths = fitted_widths(texts, width, tuple(labels.index(label) for label in shrinkable), keep, padding)
        widths = last_takes_the_rest(widths, width, padding)
        table.clear(columns=True)
        for label, column_width in zip(labels, widths):
            table.add_column(label, width=column_width)
        for row, cells in zip(self.rows, rows):
            table.add_row(*cells, key=str(row.promise_id))
        if self.rows:
            table.move_cursor(row=min(cursor, len(self.rows) - 1))

    @on(DataTable.RowHighlighted, "#promises")
    def show_detail(self) -> None:
        row = self.current()
        self.query_one("#promise-detail", Static).update(Text.assemble(promise_words(row), "\n", history_text(row.moves)) if row else "")

    def current(self) -> PromiseRow | None:
        cursor = self.table.cursor_row
        return self.rows[cursor] if 0 <= cursor < len(self.rows) else None

    def action_keep(self) -> None:
        if (row := self.current()) is not None:
            self.app.push_screen(ClosePromiseScreen(self.desk, row), lambda _closed: self.action_reload())

    def action_renegotiate(self) -> None:
        if (row := self.current()) is not None:
            self.app.push_screen(RenegotiateScreen(self.desk, row), lambda _moved: self.action_reload())

    def action_reassign(self) -> None:
        if (row := self.current()) is not None:
            in_background(self, self.book.owners, lambda owners: self.choose_owner(row, owners), group="promise-owners")

    def choose_owner(self, row: PromiseRow, owners: tuple[Colleague, ...]) -> None:
        def chosen(owner_id: int | None) -> None:
            if owner_id is not None:
                in_background(self, lambda: self.book.reassign(row.seen, owner_id), lambda _done: self.action_reload(),
                              failed=self.refused, group="promise-reassign")

        self.app.push_screen(AgentPickerScreen("Who keeps this promise now?", list(owners)), chosen)

    def refused(self, problem: Exception) -> None:
        """Says why (another desk may have moved, reassigned or kept it meanwhile) and shows the list as it is now."""
        self.notify(problem_text(problem), severity="error")
        self.action_reload()


def heading(everyone: bool, due: str | None, count: int, overdue: int) -> str:
    """"Everyone's promises, overdue: 7": the overdue count is said once, not again after a list of only overdue ones."""
    whose = "Everyone's" if everyone else "My"
    also = "" if due == "overdue" else f", overdue: {shown_count(overdue)}"
    return f"{whose} promises, {FILTER_WORDS[due]}: {shown_count(count)}{also}   (f: filter)"


def _cells(row: PromiseRow, labels: tuple[str, ...]) -> list[Text]:
    """The row's cells under `labels`; without a Kind column a callback or follow-up says so before its words."""
    style = promise_style(row)
    state = "overdue" if row.overdue else ("today" if row.due_today else "")
    kind = "" if "Kind" in labels or row.kind == "promise" else f"{row.kind}: "
    cells = {
        "Due": Text(short(row.due_at), style=style),
        "When": Text(due_said(row.due_at, state), style=style),
        "Customer": Text(customer_said(row)),
        "Kind": Text(row.kind),
        "Owner": Text(row.owner),
        "Tell by": Text(row.tell_by),
        "Promise": Text(kind + row.what),
    }
    return [fitted_cell(cells[label]) for label in labels]
