"""Asks for one line of text (a reason, a number); Enter answers, Escape backs out."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class TextPromptScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]
    AUTO_FOCUS = "#answer"

    def __init__(self, title: str, question: Text, placeholder: str = "", *, required: bool = True) -> None:
        super().__init__()
        self.title_text, self.question, self.placeholder, self.required = title, question, placeholder, required

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.question)
            yield Input(placeholder=self.placeholder, id="answer")
            yield Label("", id="prompt-error", classes="error", markup=False)

    @on(Input.Submitted, "#answer")
    def answered(self, event: Input.Submitted) -> None:
        if self.required and not event.value.strip():
            self.query_one("#prompt-error", Label).update("Please type an answer, or press Escape to go back.")
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
