"""The courtesy checklist beside the notes: ticked with Space, never in the way."""

from __future__ import annotations

from collections.abc import Collection

from textual.binding import Binding
from textual.widgets import SelectionList

from frontdesk.services.courtesy import CHECKLIST


class CourtesyList(SelectionList[str]):
    BINDINGS = [Binding("escape", "back_to_typing", "Back to typing", id="courtesy.back")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(*((label, key, False) for key, label in CHECKLIST), id=id)
        self.border_title = "Courtesy (F7, Space ticks)"

    def show(self, ticked: Collection[str]) -> None:
        """Ticks exactly `ticked`, as stored (a colleague on another terminal may have ticked some)."""
        for key, _label in CHECKLIST:
            self.select(key) if key in ticked else self.deselect(key)

    def action_back_to_typing(self) -> None:
        self.screen.query_one("#note-line").focus()
