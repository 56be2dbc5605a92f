"""The Day section: the supervisor's view of how today is going at the desk."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane, Tabs

from frontdesk.ui.compact import DeskFooter
from frontdesk.clock.when import relative
from frontdesk.services.desk import Desk
from frontdesk.services.escalations import Escalation
from frontdesk.services.facades.day import DayBoard, DayView
from frontdesk.services.numbers import shown_count
from frontdesk.ui.background import in_background
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.day.charts import DayCharts
from frontdesk.ui.screens.day.figures_view import FiguresView
from frontdesk.ui.screens.day.kudos import KudosPanel
from frontdesk.ui.screens.day.live_queue import LiveQueuePanel
from frontdesk.ui.stylesheet import StyledOnMount
from frontdesk.ui.widgets.column_fit import fill_to_width

SHOWN_KINDS = ("interaction", "promise", "callback", "customer", "agent")
"""Changes that alter today's figures or the names shown beside them."""
FIGURE_KINDS = (*SHOWN_KINDS, "goodwill", "rules")
"""Changes that alter the figures and charts tabs (goodwill spent, the response limit and budget)."""
TICK = 60.0
"""Seconds between redraws for time passing alone: promises fall overdue, escalations wait longer."""


MAIN_CONTROL = {"day-today": "#live-queue", "day-figures": "#figures-table", "day-kudos": "#kudos-suggestions"}
"""What has the keys when each tab is shown, so ↓ and Enter work at once; the Charts tab has nothing to choose."""
ESCALATION_COLUMNS = ("Since", "Customer", "With", "Their reason")


class DayScreen(StyledOnMount, Screen):
    DEFAULT_CSS = """
    DayScreen {
        & #day-tabs, & #day-tabs > ContentSwitcher, & #day-tabs TabPane { height: 1fr; }
        & #day-agents { height: auto; max-height: 40%; }
        & #day-escalations { height: auto; max-height: 25%; }
    }
    """
    """The tabs fill the screen; on the Today tab the queue takes what the agents and escalations leave."""
    AUTO_FOCUS = "#live-queue"
    """The queue first: Enter acts on what waits longest."""

    BINDINGS = [
        Binding("r", "reload", "Refresh", id="day.refresh"),
        Binding("k", "app.edit_categories", "Reason categories", id="day.categories"),
        Binding("s", "app.edit_catalog", "Solution catalog", id="day.catalog"),
        Binding("t", "tab('day-today')", "Today", id="day.tab.today", tooltip="Today's counts and escalations"),
        Binding("f", "tab('day-figures')", "Figures", id="day.tab.figures", tooltip="Figures per agent over a range"),
        Binding("g", "tab('day-charts-tab')", "Charts", id="day.tab.charts", tooltip="Contacts per hour, promises, CSAT"),
        Binding("u", "tab('day-kudos')", "Kudos", id="day.tab.kudos", tooltip="Kudos the desk suggests, and sending them"),
    ]

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.board = DayBoard(desk)
        self.escalations: tuple[Escalation, ...] = ()
        """Customers waiting for a manager, as last read: laid out again when the width changes."""

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="day-tabs"):
            with TabPane("Today", id="day-today"):
                yield LiveQueuePanel(self.desk)
                yield Static(id="day-totals", classes="section-title")
                yield DataTable(id="day-agents", cursor_type="row", zebra_stripes=True)
                yield Static("Wants a manager", classes="table-title", markup=False)
                yield DataTable(id="day-escalations", cursor_type="row", zebra_stripes=True)
            with TabPane("Figures", id="day-figures"):
                yield FiguresView(self.desk)
            with TabPane("Charts", id="day-charts-tab"):
                yield DayCharts(self.desk)
            with TabPane("Kudos", id="day-kudos"):
                yield KudosPanel(self.desk)
        yield DeskFooter()

    def action_tab(self, pane: str) -> None:
        """Focus goes to the tab bar first: a focused table left in a hidden tab would bring its tab back.

        The tab already shown is not shown again (no TabActivated), so its table takes the keys back here.
        """
        tabs = self.query_one("#day-tabs", TabbedContent)
        if tabs.active == pane:
            self.focus_main_control(pane)
            return
        tabs.query_one(Tabs).focus()
        tabs.active = pane

    @on(TabbedContent.TabActivated, "#day-tabs")
    def tab_shown(self, event: TabbedContent.TabActivated) -> None:
        """The figures and charts are read when their tab is shown, not while hidden; its table takes the keys."""
        self.reload_figures()
        self.focus_main_control(event.pane.id or "")

    def focus_main_control(self, pane: str) -> None:
        if pane in MAIN_CONTROL:
            self.query_one(MAIN_CONTROL[pane]).focus()

    @on(FiguresView.PeriodChosen)
    def period_chosen(self, event: FiguresView.PeriodChosen) -> None:
        self.query_one(DayCharts).typed = event.typed

    def reload_figures(self) -> None:
        active = self.query_one("#day-tabs", TabbedContent).active
        if active == "day-figures":
            self.query_one(FiguresView).reload()
        elif active == "day-charts-tab":
            self.query_one(DayCharts).reload()

    def on_mount(self) -> None:
        self.query_one("#day-agents", DataTable).add_columns("Agent", "Contacts today", "Open promises", "Overdue")
        self.set_interval(TICK, self.tick)

    def on_screen_resume(self) -> None:
        self.action_reload()

    def on_desk_changed(self, event: DeskChanged) -> None:
        self.query_one(LiveQueuePanel).follow(event)
        self.query_one(KudosPanel).follow(event)
        if event.touches(*SHOWN_KINDS):
            self.action_reload()
        if event.touches(*FIGURE_KINDS):
            self.reload_figures()

    def tick(self) -> None:
        if self.is_current:
            self.action_reload()

    def action_reload(self) -> None:
        self.reload_figures()
        in_background(self, self.board.today, self.show, group="day", exclusive=True)

    def show(self, day: DayView) -> None:
        summary = day.summary
        self.query_one("#day-totals", Static).update(Text.assemble(
            ("Today: ", "bold"), f"{shown_count(summary.interactions_today)} contacts, "
                                 f"{shown_count(summary.open_interactions)} still open · ",
            ("Promises: ", "bold"), f"{shown_count(summary.open_promises)} open, ",
            (f"{shown_count(summary.overdue_promises)} overdue", "bold red" if summary.overdue_promises else ""),
        ))
        table = self.query_one("#day-agents", DataTable)
        table.clear()
        for agent in summary.agents:
            overdue = Text(shown_count(agent.overdue_promises), style="bold red" if agent.overdue_promises else "")
            table.add_row(Text(agent.name), shown_count(agent.interactions), shown_count(agent.open_promises), overdue)
        self.escalations = day.escalations
        self.show_escalations()

    def on_resize(self) -> None:
        """The customers' reasons are fitted to the width: a new width lays them out again."""
        self.show_escalations()

    def show_escalations(self) -> None:
        fill_to_width(self.query_one("#day-escalations", DataTable), ESCALATION_COLUMNS, [
            [Text(relative(row.since)), Text(row.who), Text(row.owner), Text(row.reason, style="bold")] for row in self.escalations
        ])
