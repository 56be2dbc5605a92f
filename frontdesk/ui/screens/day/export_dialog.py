"""Asks where to write the figures shown as CSV, and writes them in a worker: a slow disk never freezes the desk."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from frontdesk.services.facades.figures import FiguresBoard
from frontdesk.services.figures.board import DeskFigures
from frontdesk.services.figures.export import period_words
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox


class ExportDialog(FormDialog[Path | None]):
    """Returns the file written, or None; an existing file is never overwritten."""

    DIALOG_TITLE = "Export the figures"
    AUTO_FOCUS = "#export-path"

    def __init__(self, board: FiguresBoard, figures: DeskFigures) -> None:
        super().__init__()
        self.board, self.figures = board, figures

    def compose_form(self) -> ComposeResult:
        yield Static(Text.assemble("The figures for ", (period_words(self.figures), "bold"),
                                   ", with each figure's definition in the file's header."))
        yield TextBox(placeholder="figures.csv", id="export-path")

    @on(TextBox.Submitted, "#export-path")
    def answered(self) -> None:
        self.action_save()

    def collect(self) -> str:
        path = self.query_one("#export-path", TextBox).value
        if not path.strip():
            raise ValueError("Name the file to write, for example figures.csv.")
        return path

    def save(self, values: str) -> Path:
        return self.board.export_csv(self.figures, values)
