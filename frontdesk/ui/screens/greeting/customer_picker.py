"""Choosing a customer record by lookup, e.g. to link an unknown caller once they say who they are."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from frontdesk.ui.compact import DeskFooter
from frontdesk.ui.stylesheet import StyledOnMount
from frontdesk.services.desk import Desk
from frontdesk.ui.widgets.customer_search import CustomerSearch


class CustomerPickerScreen(StyledOnMount, ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="picker.cancel")]
    AUTO_FOCUS = ".customer-query"

    def __init__(self, desk: Desk, title: str) -> None:
        super().__init__()
        self.desk = desk
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield CustomerSearch(self.desk, "Name, street, phone or birth date")
        yield DeskFooter()

    @on(CustomerSearch.Chosen)
    def chosen(self, event: CustomerSearch.Chosen) -> None:
        self.dismiss(event.customer_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
