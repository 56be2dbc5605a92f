"""At start: offer to go back to an interaction left open, with the words that were being typed."""

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
from frontdesk.services.open_work import OpenInteraction
from frontdesk.clock.when import relative, short

NOT_NOW = "not-now"


def open_text(item: OpenInteraction) -> Text:
    text = Text.assemble((item.who, "bold"), f"  {item.channel}, started {short(item.started_at)} ({relative(item.started_at)})")
    if item.handed_by:
        text.append(f"  handed to you by {item.handed_by}", style="bold")
    if item.reason:
        text.append(f"  {item.reason}")
    if item.draft:
        text.append_text(Text.assemble("\n    unsaved line: ", (item.draft[:120], "italic")))
    return text


class ResumeScreen(StyledOnMount, ModalScreen[int | None]):
    """Returns the interaction to resume, or None for "not now" (it stays open in the Call section)."""

    BINDINGS = [Binding("escape", "not_now", "Not now", id="resume.not-now")]
    AUTO_FOCUS = "#open-work"

    def __init__(self, work: Sequence[OpenInteraction]) -> None:
        super().__init__()
        self.work = work

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading(), classes="dialog-title", markup=False)
            options = [Option(open_text(item), id=str(item.interaction_id)) for item in self.work]
            yield OptionList(*options, Option(Text("Not now (they stay in the Call section, F3)"), id=NOT_NOW), id="open-work")
        yield DeskFooter()

    def heading(self) -> str:
        """Says how the work came to the agent: left open by them, or handed to them by a colleague."""
        if all(item.handed_by for item in self.work):
            return "Handed to you and still open. Resume one?"
        if any(item.handed_by for item in self.work):
            return "Open in your hands (some handed to you). Resume one?"
        return "You left these open. Resume one?"

    @on(OptionList.OptionSelected, "#open-work")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(None if event.option.id == NOT_NOW else int(event.option.id))

    def action_not_now(self) -> None:
        self.dismiss(None)
