"""The Day section's figures: a figure per line, a column per agent and the desk, the highlighted
figure's definition under the table, and `x` to write what is shown to a CSV file."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from frontdesk.services.desk import Desk
from frontdesk.services.facades.figures import FiguresBoard
from frontdesk.services.figures.board import DeskFigures
from frontdesk.services.figures.definitions import FIGURES
from frontdesk.services.figures.export import approval_line, headings, period_words, shown_lines
from frontdesk.services.figures.period import RANGE_EXAMPLES
from frontdesk.ui.background import in_background
from frontdesk.ui.screens.day.export_dialog import ExportDialog
from frontdesk.ui.widgets.edit_boxes import TextBox


class FiguresView(Vertical):
    """Reads the figures for the range in its box whenever the range or the desk's data changes."""

    DEFAULT_CSS = """
    FiguresView {
        height: 1fr;
        & #figures-range { width: 1fr; height: 1; border: none; padding: 0 1; }
        & #figures-table { height: 1fr; }
        & #figures-help { height: auto; max-height: 4; color: $text-muted; }
        & #figures-approvals { height: auto; max-height: 3; }
    }
    """
    BINDINGS = [
        Binding("x", "export", "Export CSV", id="day.figures.export", tooltip="Write the figures shown to a CSV file"),
        Binding("d", "choose_range", "Dates", id="day.figures.range", tooltip="Type the range: " + RANGE_EXAMPLES),
        Binding("escape", "leave_range", "Back to the figures", id="day.figures.leave_range", show=False),
    ]

    class PeriodChosen(Message):
        """The supervisor chose a range: the charts follow it."""

        def __init__(self, typed: str) -> None:
            super().__init__()
            self.typed = typed

    def __init__(self, desk: Desk) -> None:
        super().__init__(id="figures-view")
        self.board = FiguresBoard(desk)
        self.figures: DeskFigures | None = None
        """What the table shows now: the export writes exactly this."""

    def compose(self) -> ComposeResult:
        yield TextBox(value="today", placeholder=RANGE_EXAMPLES, id="figures-range", tooltip=f"Ranges: {RANGE_EXAMPLES}")
        yield Static(id="figures-period", classes="section-title", markup=False)
        yield DataTable(id="figures-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="figures-help", markup=False)
        yield Static(id="figures-approvals", markup=False)

    def action_choose_range(self) -> None:
        self.query_one("#figures-range", TextBox).focus()

    def action_leave_range(self) -> None:
        self.query_one("#figures-table", DataTable).focus()

    @property
    def typed_range(self) -> str:
        return self.query_one("#figures-range", TextBox).value

    @on(TextBox.Submitted, "#figures-range")
    def range_typed(self) -> None:
        self.post_message(self.PeriodChosen(self.typed_range))
        self.reload()
        self.query_one("#figures-table", DataTable).focus()

    def reload(self) -> None:
        typed = self.typed_range
        in_background(self, lambda: self.board.figures(self.board.period(typed)), self.show, failed=self.refused,
                      group="day-figures", exclusive=True)

    def refused(self, problem: Exception) -> None:
        """A range that cannot be read, or an agent asking: said under the box, the last figures stay."""
        self.query_one("#figures-help", Static).update(Text(str(problem), style="bold red"))

    def show(self, figures: DeskFigures) -> None:
        self.figures = figures
        self.query_one("#figures-period", Static).update(Text.assemble(("Figures for ", "bold"), period_words(figures)))
        table = self.query_one("#figures-table", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns(*headings(figures))
        for cells in shown_lines(figures):
            table.add_row(Text(cells[0], style="bold"), *(Text(cell, justify="right") for cell in cells[1:]))
        table.move_cursor(row=min(row, table.row_count - 1))
        self.describe(table.cursor_row)
        approvals = [approval_line(approval, figures.currency) for approval in figures.approvals]
        self.query_one("#figures-approvals", Static).update("\n".join(approvals))

    @on(DataTable.RowHighlighted, "#figures-table")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.describe(event.cursor_row)

    def describe(self, row: int) -> None:
        """The help line: what the highlighted figure counts, in the words the export's header uses."""
        if 0 <= row < len(FIGURES):
            figure = FIGURES[row]
            self.query_one("#figures-help", Static).update(Text.assemble((f"{figure.label}: ", "bold"), figure.definition))

    def action_export(self) -> None:
        if self.figures is None:
            self.app.notify("The figures are still being read; try again in a moment.", severity="warning")
            return
        shown = self.figures

        def written(path: object) -> None:
            if path is not None:
                self.app.notify(f"Figures written to {path}")

        self.app.push_screen(ExportDialog(self.board, shown), written)
