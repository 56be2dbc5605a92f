"""A box for a time as people say it, showing the moment it means, in the desk's language, before anything is saved."""

from __future__ import annotations

from datetime import datetime, time

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from frontdesk.clock.hours import OpeningHours, system_zone
from frontdesk.clock.now import utcnow
from frontdesk.clock.preview import describe_when
from frontdesk.clock.typed_time import TypedTime, TypedTimeError, read_due, read_past
from frontdesk.ui.widgets.edit_boxes import TextBox


class WhenField(Vertical):
    """A due time still ahead by default; with `past=True` a moment already gone, as when a call was missed."""

    DEFAULT_CSS = """
    WhenField {
        height: auto;
        & .when-meaning { color: $text-muted; padding: 0 1; }
        & .when-meaning.error { color: $error; }
        & .when-meaning.far { color: $warning; }
    }
    """

    def __init__(self, placeholder: str, *, value: str = "", default_time: time = time(17, 0), past: bool = False,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.placeholder, self.initial, self.default_time, self.past = placeholder, value, default_time, past
        self.hours: OpeningHours | None = None
        """The desk's opening hours once the form has read them: "tomorrow" is then tomorrow's closing time."""

    def compose(self) -> ComposeResult:
        yield TextBox(self.initial, placeholder=self.placeholder, classes="when-input")
        yield Static(classes="when-meaning")

    def on_mount(self) -> None:
        self.explain()

    def use_hours(self, hours: OpeningHours) -> None:
        """Read "end of day" and a day without a time by the desk's own hours, and say the typed time again."""
        self.hours = hours
        self.explain()

    @property
    def typed(self) -> TypedTime:
        """The typed due time and whether it is far enough ahead to confirm; raises TypedTimeError for the user."""
        text, zone = self.query_one(".when-input", TextBox).value, self.hours.tz if self.hours else system_zone()
        return read_due(text, now=utcnow(), tz=zone, default_time=self.default_time, hours=self.hours)

    @property
    def moment(self) -> datetime:
        """The typed moment; raises TypedTimeError with a message for the user."""
        if self.past:
            zone = self.hours.tz if self.hours else system_zone()
            return read_past(self.query_one(".when-input", TextBox).value, now=utcnow(), tz=zone)
        return self.typed.moment

    @on(TextBox.Changed, ".when-input")
    def explain(self) -> None:
        meaning = self.query_one(".when-meaning", Static)
        meaning.remove_class("error", "far")
        if not self.query_one(".when-input", TextBox).value.strip():
            meaning.update("")
            return
        try:
            far = not self.past and self.typed.far_ahead
            said = describe_when(self.moment, now=utcnow())
        except TypedTimeError as error:
            meaning.update(Text(str(error)))
            meaning.add_class("error")
            return
        meaning.update(Text(f"→ {said}" + (" (over six months ahead: check the date)" if far else "")))
        meaning.set_class(far, "far")
