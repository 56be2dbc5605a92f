"""The courtesy checklist beside the notes: ticked with Space, never in the way."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.widgets import SelectionList

from frontdesk.services.courtesy import CHECKLIST


class CourtesyList(SelectionList[str]):
    BINDINGS = [Binding("escape", "back_to_typing", "Back to typing", id="courtesy.back")]

    def __init__(self, ticked: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(*((label, key, key in ticked) for key, label in CHECKLIST), id=id)
        self.border_title = "Courtesy (F7, Space ticks)"

    def action_back_to_typing(self) -> None:
        self.screen.query_one("#note-line").focus()
