"""Supervisors keep the list of reason categories: add one, or retire one (history keeps its name)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import SelectionList

from frontdesk.services.desk import Desk
from frontdesk.services.facades.desk_lists import CategoryEntry, DeskLists
from frontdesk.ui.background import in_background
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox


class CategoriesScreen(FormDialog[None]):
    """Enter (or Ctrl+S) adds the typed category; Space on one puts it in use or retires it."""

    DIALOG_TITLE = "Reason categories (Space: in use or retired)"
    AUTO_FOCUS = "#new-category"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.lists = DeskLists(desk)

    def compose_form(self) -> ComposeResult:
        yield SelectionList[int](id="categories")
        yield TextBox(placeholder="Add a category and press Enter", id="new-category")

    def load(self) -> tuple[CategoryEntry, ...]:
        return self.lists.categories()

    def reload(self) -> None:
        in_background(self, self.lists.categories, self.show_loaded, group="categories", exclusive=True)

    def on_desk_changed(self, event: DeskChanged) -> None:
        if event.touches("category"):
            self.reload()

    def show_loaded(self, categories: tuple[CategoryEntry, ...]) -> None:
        listing = self.query_one("#categories", SelectionList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options([(Text(category.name), category.id, category.active) for category in categories])
        if highlighted is not None and categories:
            listing.highlighted = min(highlighted, len(categories) - 1)

    @on(TextBox.Submitted, "#new-category")
    def submitted(self) -> None:
        self.action_save()

    def collect(self) -> str:
        return self.query_one("#new-category", TextBox).value

    def save(self, name: str) -> None:
        self.lists.add_category(name)

    def saved(self, _result: None) -> None:
        self.query_one("#new-category", TextBox).value = ""
        self.reload()

    @on(SelectionList.SelectionToggled, "#categories")
    def toggled(self, event: SelectionList.SelectionToggled) -> None:
        category_id, active = event.selection.value, event.selection.value in event.selection_list.selected
        self.show_error(None)
        in_background(self, lambda: self.lists.set_category_active(category_id, active), failed=self.refused, group="category-toggle")

    def refused(self, problem: Exception) -> None:
        self.show_error(problem)
        self.reload()
