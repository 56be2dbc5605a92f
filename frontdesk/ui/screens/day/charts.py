"""The Day section's charts: contacts per hour today against the usual for the weekday, promises kept on
time per day, and the CSAT trend. Laid out to be read at 100x30: one wide chart over two half-width ones."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.widgets import Static
from textual_plotext import PlotextPlot

from frontdesk.clock.dates import day_and_month, desk_style, digits
from frontdesk.services.desk import Desk
from frontdesk.services.facades.figures import FiguresBoard
from frontdesk.services.figures.charts import WEEKS_BACK, DeskCharts
from frontdesk.ui.background import in_background


class DeskPlot(PlotextPlot):
    """A chart in the desk's digits, its axes' numbers too: plotext writes ASCII digits only."""

    def render(self) -> Text:
        drawn = super().render()
        assert isinstance(drawn, Text)  # what PlotextPlot draws: the chart's ANSI text, read into a Text
        drawn.plain = digits(drawn.plain, desk_style())  # a digit for a digit: the colours stay where they were
        return drawn


class DayCharts(Vertical):
    DEFAULT_CSS = """
    DayCharts {
        height: 1fr;
        & #chart-hours { height: 1fr; }
        & Horizontal { height: 1fr; }
        & #chart-promises, & #chart-csat { width: 1fr; }
        & #charts-problem { height: auto; color: $error; }
    }
    """

    def __init__(self, desk: Desk) -> None:
        super().__init__(id="day-charts")
        self.board = FiguresBoard(desk)
        self.typed = "today"
        """The range the figures tab last chose; the charts follow it."""
        self.shown: DeskCharts | None = None
        """The numbers drawn now."""

    def compose(self) -> ComposeResult:
        yield Static(id="charts-problem", markup=False)
        yield DeskPlot(id="chart-hours")
        with Horizontal():
            yield DeskPlot(id="chart-promises")
            yield DeskPlot(id="chart-csat")

    def reload(self, typed: str | None = None) -> None:
        self.typed = typed if typed is not None else self.typed
        wanted = self.typed
        in_background(self, lambda: self.board.charts(self.board.period(wanted)), self.draw, failed=self.refused,
                      group="day-charts", exclusive=True)

    def refused(self, problem: Exception) -> None:
        self.query_one("#charts-problem", Static).update(str(problem))

    def draw(self, charts: DeskCharts) -> None:
        self.shown = charts
        self.query_one("#charts-problem", Static).update("")
        self._hours(charts)
        self._promises(charts)
        self._csat(charts)

    def colour(self, name: str) -> tuple[int, int, int]:
        """A colour of the app's theme by its role ("primary", "success", "error"), as plotext takes it.

        Each series is given its colour. Left to plotext, a series took the next colour of whichever plotext theme the
        chart had when the numbers arrived: textual-plotext's own once the chart had been drawn, plotext's default if
        the numbers came first, so the same chart came out in different colours from one opening to the next.
        """
        value = getattr(self.app.current_theme, name) or self.app.current_theme.primary
        return Color.parse(value).rgb

    def _hours(self, charts: DeskCharts) -> None:
        widget = self.query_one("#chart-hours", PlotextPlot)
        plt = widget.plt
        plt.clear_data()
        plt.title("Contacts per hour today")
        plt.bar(list(charts.hours), list(charts.contacts_today), label="today", width=0.5, color=self.colour("primary"))
        plt.plot(list(charts.hours), list(charts.contacts_usual), label=f"usual (same weekday, {WEEKS_BACK} weeks)", marker="braille",
                 color=self.colour("warning"))
        plt.xticks(list(range(0, 24, 2)), [f"{hour:02d}" for hour in range(0, 24, 2)])
        widget.refresh()

    def _promises(self, charts: DeskCharts) -> None:
        widget = self.query_one("#chart-promises", PlotextPlot)
        plt = widget.plt
        plt.clear_data()
        plt.title("Promises per day")
        days = list(range(len(charts.days)))
        plt.stacked_bar(days, [list(charts.kept_on_time), list(charts.missed)], labels=["kept on time", "late or missed"], width=0.6,
                         color=[self.colour("success"), self.colour("error")])
        plt.xlim(-0.5, len(charts.days) - 0.5)
        plt.xticks(*_day_ticks(charts))
        widget.refresh()

    def _csat(self, charts: DeskCharts) -> None:
        widget = self.query_one("#chart-csat", PlotextPlot)
        plt = widget.plt
        plt.clear_data()
        plt.title("CSAT per day (% of 4s and 5s)")
        rated = [(index, value) for index, value in enumerate(charts.csat) if value is not None]
        if rated:
            plt.plot([index for index, _ in rated], [value for _, value in rated], marker="●", color=self.colour("primary"))
        plt.ylim(0, 100)
        plt.xlim(-0.5, len(charts.days) - 0.5)
        plt.xticks(*_day_ticks(charts))
        widget.refresh()


def _day_ticks(charts: DeskCharts) -> tuple[list[int], list[str]]:
    """At most about seven labels, so a month's dates do not run into each other at half width; in the desk's calendar."""
    step = max(1, len(charts.days) // 7 + (len(charts.days) % 7 > 0))
    positions = list(range(0, len(charts.days), step))
    return positions, [day_and_month(charts.days[index]) for index in positions]
