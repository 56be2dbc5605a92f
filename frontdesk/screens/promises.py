"""The Promises section: what the desk promised, soonest first, the late ones in red."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from frontdesk.desk import Desk
from frontdesk.db.models import Role
from frontdesk.services.promise_rows import PromiseRow, open_promise_rows
from frontdesk.when import relative, short
from frontdesk.widgets.promise_text import promise_style


class PromisesScreen(Screen):
    BINDINGS = [
        Binding("a", "toggle_everyone", "Mine / everyone", id="promises.everyone", tooltip="Supervisors see every owner's promises"),
        Binding("r", "reload", "Refresh", id="promises.refresh"),
    ]

    everyone: reactive[bool] = reactive(False)
    """Supervisors can widen the list from their own promises to the whole desk's."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="promises-title", classes="section-title")
        yield DataTable(id="promises", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Due", "When", "Customer", "Kind", "Promise", "Owner")

    def on_screen_resume(self) -> None:
        self.action_reload()

    def watch_everyone(self) -> None:
        self.action_reload()

    def action_toggle_everyone(self) -> None:
        if self.desk.agent.role != Role.SUPERVISOR:
            self.notify("Only supervisors see everyone's promises.", severity="warning")
            return
        self.everyone = not self.everyone

    def action_reload(self) -> None:
        if not self.is_mounted:
            return
        with self.desk.session() as session:
            rows = open_promise_rows(session, owner_id=None if self.everyone else self.desk.agent_id)
        overdue = sum(row.overdue for row in rows)
        whose = "Everyone's" if self.everyone else "My"
        self.query_one("#promises-title", Static).update(
            Text(f"{whose} open promises: {len(rows)}, overdue: {overdue}")
        )
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            table.add_row(*_cells(row), key=str(row.promise_id))


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
    )
