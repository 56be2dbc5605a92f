"""The Promises section: what the desk promised, soonest first, the late ones in red, and what to do next."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from frontdesk.db.models import Role
from frontdesk.services.desk import Desk
from frontdesk.ui.screens.dialogs.agent_picker import AgentPickerScreen
from frontdesk.ui.screens.promises.promise_close import ClosePromiseScreen
from frontdesk.ui.screens.promises.renegotiate import RenegotiateScreen, history_text
from frontdesk.services.agents import list_agents
from frontdesk.services.promise_rows import PromiseRow, promise_rows
from frontdesk.services.promises import orphaned_promises, reassign_promise
from frontdesk.services.validation import ValidationError
from frontdesk.clock.when import relative, short
from frontdesk.ui.widgets.promise_text import promise_style

FILTERS = (None, "overdue", "today", "week")
FILTER_WORDS = {None: "all open", "overdue": "overdue", "today": "due today", "week": "due this week"}


class PromisesScreen(Screen):
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
        self.rows: list[PromiseRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="promises-title", classes="section-title")
        yield Static(id="orphans", classes="hidden")
        yield DataTable(id="promises", cursor_type="row", zebra_stripes=True)
        yield Static(id="promise-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Due", "When", "Customer", "Kind", "Promise", "Owner", "Tell by")

    def on_screen_resume(self) -> None:
        self.action_reload()

    def watch_everyone(self) -> None:
        self.action_reload()

    def watch_due(self) -> None:
        self.action_reload()

    def action_toggle_everyone(self) -> None:
        if self.desk.agent.role != Role.SUPERVISOR:
            self.notify("Only supervisors see everyone's promises.", severity="warning")
            return
        self.everyone = not self.everyone

    def action_next_filter(self) -> None:
        self.due = FILTERS[(FILTERS.index(self.due) + 1) % len(FILTERS)]

    def action_reload(self) -> None:
        if not self.is_mounted:
            return
        with self.desk.reading() as session:
            self.rows = promise_rows(session, owner_id=None if self.everyone else self.desk.agent_id, due=self.due)
            orphans = len(orphaned_promises(session)) if self.desk.agent.role == Role.SUPERVISOR else 0
        overdue = sum(row.overdue for row in self.rows)
        whose = "Everyone's" if self.everyone else "My"
        self.query_one("#promises-title", Static).update(
            Text(f"{whose} promises, {FILTER_WORDS[self.due]}: {len(self.rows)}, overdue: {overdue}   (f: filter)")
        )
        notice = self.query_one("#orphans", Static)
        notice.set_class(not orphans, "hidden")
        notice.update(Text(f"⚠ {orphans} open promises belong to people no longer at the desk: choose them and press o.", style="bold yellow"))
        table = self.query_one(DataTable)
        table.clear()
        for row in self.rows:
            table.add_row(*_cells(row), key=str(row.promise_id))
        self.show_detail()

    @on(DataTable.RowHighlighted, "#promises")
    def show_detail(self) -> None:
        row = self.current()
        detail = self.query_one("#promise-detail", Static)
        detail.update(history_text(self.desk, row.promise_id) if row else "")

    def current(self) -> PromiseRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def action_keep(self) -> None:
        if (row := self.current()) is not None:
            self.app.push_screen(ClosePromiseScreen(self.desk, row), lambda _closed: self.action_reload())

    def action_renegotiate(self) -> None:
        if (row := self.current()) is not None:
            self.app.push_screen(RenegotiateScreen(self.desk, row), lambda _moved: self.action_reload())

    def action_reassign(self) -> None:
        row = self.current()
        if row is None:
            return
        with self.desk.session() as session:
            owners = list_agents(session)

        def chosen(owner_id: int | None) -> None:
            if owner_id is None:
                return
            try:
                with self.desk.session() as session:
                    reassign_promise(session, row.promise_id, self.desk.agent_id, owner_id)
            except ValidationError as problem:
                self.notify(str(problem), severity="error")
            self.action_reload()

        self.app.push_screen(AgentPickerScreen("Who keeps this promise now?", owners), chosen)


def _cells(row: PromiseRow) -> tuple[Text, ...]:
    style = promise_style(row)
    state = "OVERDUE" if row.overdue else ("today" if row.due_today else "")
    return (
        Text(short(row.due_at), style=style),
        Text(f"{state} {relative(row.due_at)}".strip(), style=style),
        Text(row.customer_name),
        Text(row.kind),
        Text(row.what),
        Text(row.owner),
        Text(row.tell_by),
    )
