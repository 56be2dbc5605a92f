"""Choosing a colleague from the desk's active agents."""

from __future__ import annotations

from collections.abc import Sequence

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
from frontdesk.services.agents import Colleague


class AgentPickerScreen(StyledOnMount, ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="agent-picker.cancel")]
    AUTO_FOCUS = "#agent-choices"

    def __init__(self, title: str, agents: Sequence[Colleague]) -> None:
        super().__init__()
        self.title_text, self.agents = title, agents

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(*[Option(Text(f"{agent.name} ({agent.role})"), id=str(agent.id)) for agent in self.agents], id="agent-choices")
        yield DeskFooter()

    @on(OptionList.OptionSelected, "#agent-choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
