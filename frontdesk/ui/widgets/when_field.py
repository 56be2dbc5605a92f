"""A box for a due time as people say it, showing the moment it means before anything is saved."""

from __future__ import annotations

from datetime import datetime, time

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from frontdesk.clock.now import utcnow
from frontdesk.clock.hours import system_zone
from frontdesk.clock.typed_time import TypedTimeError, describe_when, parse_when


class WhenField(Vertical):
    DEFAULT_CSS = """
    WhenField {
        height: auto;
        & .when-meaning { color: $text-muted; padding: 0 1; }
        & .when-meaning.error { color: $error; }
    }
    """

    def __init__(self, placeholder: str, *, value: str = "", default_time: time = time(17, 0), id: str | None = None) -> None:
        super().__init__(id=id)
        self.placeholder, self.initial, self.default_time = placeholder, value, default_time

    def compose(self) -> ComposeResult:
        yield Input(self.initial, placeholder=self.placeholder, classes="when-input")
        yield Static(classes="when-meaning")

    def on_mount(self) -> None:
        self.explain()

    @property
    def moment(self) -> datetime:
        """The typed moment; raises TypedTimeError with a message for the user."""
        return parse_when(self.query_one(".when-input", Input).value, now=utcnow(), tz=system_zone(), default_time=self.default_time)

    @on(Input.Changed, ".when-input")
    def explain(self) -> None:
        meaning = self.query_one(".when-meaning", Static)
        if not self.query_one(".when-input", Input).value.strip():
            meaning.update("")
            return
        try:
            said = describe_when(self.moment, now=utcnow())
        except TypedTimeError as error:
            meaning.update(Text(str(error)))
            meaning.add_class("error")
            return
        meaning.update(Text(f"→ {said}"))
        meaning.remove_class("error")
