"""Asks for one line of text (a reason, a number); Enter (or Ctrl+S) answers, Escape backs out."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox


class TextPromptScreen(FormDialog[str | None]):
    """Returns the line as typed, or None; it touches no database, the caller stores the answer."""

    AUTO_FOCUS = "#answer"

    def __init__(self, title: str, question: Text, placeholder: str = "", *, required: bool = True) -> None:
        super().__init__()
        self.title_text, self.question, self.placeholder, self.required = title, question, placeholder, required

    def dialog_title(self) -> str:
        return self.title_text

    def compose_form(self) -> ComposeResult:
        yield Static(self.question)
        yield TextBox(placeholder=self.placeholder, id="answer")

    @on(TextBox.Submitted, "#answer")
    def answered(self) -> None:
        self.action_save()

    def collect(self) -> str:
        answer = self.query_one("#answer", TextBox).value
        if self.required and not answer.strip():
            raise ValueError("Please type an answer, or press Escape to go back.")
        return answer
