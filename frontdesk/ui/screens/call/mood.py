"""Picking the customer's mood with one key: 1 calm, 2 worried, 3 upset, 4 angry."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from frontdesk.ui.compact import DeskFooter
from frontdesk.ui.stylesheet import StyledOnMount
from frontdesk.services.moods import MOODS
from frontdesk.ui.widgets.mood_style import MOOD_STYLES


class MoodScreen(StyledOnMount, ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="mood.cancel"),
        *(Binding(str(number), f"pick('{mood}')", mood, show=False) for number, mood in enumerate(MOODS, start=1)),
    ]
    AUTO_FOCUS = "#moods"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("How does the customer sound?", classes="dialog-title", markup=False)
            options = [Option(Text(f"{number}  {mood}", style=MOOD_STYLES[mood]), id=mood) for number, mood in enumerate(MOODS, start=1)]
            yield OptionList(*options, id="moods")
        yield DeskFooter()

    @on(OptionList.OptionSelected, "#moods")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, mood: str) -> None:
        self.dismiss(mood)

    def action_cancel(self) -> None:
        self.dismiss(None)
