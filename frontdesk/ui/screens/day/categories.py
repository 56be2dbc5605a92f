"""Supervisors keep the list of reason categories: add one, or retire one (history keeps its name)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList, Static

from frontdesk.services.desk import Desk
from frontdesk.services.categories import add_category, all_categories, set_category_active
from frontdesk.services.validation import ValidationError


class CategoriesScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", "Close", id="categories.close")]
    AUTO_FOCUS = "#new-category"

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Reason categories (Space: in use or retired)", classes="dialog-title", markup=False)
            yield SelectionList[int](id="categories")
            yield Input(placeholder="Add a category and press Enter", id="new-category")
            yield Label("", id="categories-error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        with self.desk.session() as session:
            categories = all_categories(session)
        listing = self.query_one("#categories", SelectionList)
        listing.clear_options()
        listing.add_options([(Text(category.name), category.id, category.active) for category in categories])

    @on(Input.Submitted, "#new-category")
    def add(self, event: Input.Submitted) -> None:
        try:
            with self.desk.session() as session:
                add_category(session, event.value, self.desk.agent_id)
        except ValidationError as error:
            self.query_one("#categories-error", Label).update(str(error))
            return
        event.input.value = ""
        self.query_one("#categories-error", Label).update("")
        self.reload()

    @on(SelectionList.SelectionToggled, "#categories")
    def toggled(self, event: SelectionList.SelectionToggled) -> None:
        active = event.selection.value in event.selection_list.selected
        try:
            with self.desk.session() as session:
                set_category_active(session, event.selection.value, active, self.desk.agent_id)
        except ValidationError as error:
            self.query_one("#categories-error", Label).update(str(error))
            self.reload()

    def action_close(self) -> None:
        self.dismiss(None)
