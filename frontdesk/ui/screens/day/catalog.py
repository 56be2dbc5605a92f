"""Supervisors keep the solution catalog: per category, each option with what it gives and its limits."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from frontdesk.services.desk import Desk
from frontdesk.services.categories import category_names
from frontdesk.services.solutions import OfferedOption, options_for, retire_option, save_option
from frontdesk.services.validation import ValidationError

NEW = "new"


class CatalogScreen(ModalScreen[None]):
    """Enter on an option edits it; Delete retires it; the form saves with Ctrl+S."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save option", id="catalog.save", priority=True),
        Binding("delete", "retire", "Retire option", id="catalog.retire"),
        Binding("escape", "close", "Close", id="catalog.close"),
    ]
    AUTO_FOCUS = "#catalog-options"

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.editing: int | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="catalog", classes="dialog"):
            with Vertical(id="catalog-list"):
                yield Static("Solution catalog", classes="dialog-title", markup=False)
                yield OptionList(id="catalog-options")
            with VerticalScroll(id="catalog-form"):
                yield Label("Category", markup=False)
                yield Select([], id="catalog-category", prompt="Category")
                for field, label in (("title", "Title"), ("gives", "What it gives the customer"),
                                     ("limitations", "Its limitations, said plainly"), ("cost", "Goodwill cost (0 if none)")):
                    yield Label(label, markup=False)
                    yield Input(id=f"catalog-{field}")
                yield Label("", id="catalog-error", classes="error", markup=False)

    def on_mount(self) -> None:
        with self.desk.session() as session:
            names = category_names(session)
        self.categories = names
        self.query_one("#catalog-category", Select).set_options([(Text(name), name) for name in names])
        self.reload()

    def reload(self) -> None:
        with self.desk.session() as session:
            self.options = {option.id: option for option in options_for(session, None)}
        listing = self.query_one("#catalog-options", OptionList)
        listing.clear_options()
        listing.add_option(Option(Text("+ New option", style="bold"), id=NEW))
        for option in self.options.values():
            listing.add_option(Option(Text.assemble((f"{option.category}: ", "dim"), option.title), id=str(option.id)))

    @on(OptionList.OptionSelected, "#catalog-options")
    def edit(self, event: OptionList.OptionSelected) -> None:
        self.editing = None if event.option.id == NEW else int(event.option.id)
        option = self.options.get(self.editing)
        values = {"title": "", "gives": "", "limitations": "", "cost": "0"} if option is None else {
            "title": option.title, "gives": option.gives, "limitations": option.limitations, "cost": f"{option.goodwill_cost:g}"}
        for field, value in values.items():
            self.query_one(f"#catalog-{field}", Input).value = value
        if option is not None:
            select = self.query_one("#catalog-category", Select)
            if option.category not in self.categories:
                self.categories.append(option.category)
                select.set_options([(Text(name), name) for name in self.categories])
            select.value = option.category
        self.query_one("#catalog-category").focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        error = self.query_one("#catalog-error", Label)
        category = self.query_one("#catalog-category", Select).value
        try:
            cost = float(self.query_one("#catalog-cost", Input).value.replace(",", ".") or 0)
        except ValueError:
            error.update("The goodwill cost is a number, e.g. 0 or 12.50.")
            return
        option = OfferedOption(
            title=self.query_one("#catalog-title", Input).value, gives=self.query_one("#catalog-gives", Input).value,
            limitations=self.query_one("#catalog-limitations", Input).value, option_id=self.editing, goodwill_cost=cost,
        )
        try:
            with self.desk.session() as session:
                save_option(session, self.desk.agent_id, option, "" if category is Select.NULL else str(category))
        except ValidationError as problem:
            error.update(str(problem))
            return
        error.update("")
        self.notify(Text(f"Saved: {option.title}"))
        self.reload()

    def action_retire(self) -> None:
        listing = self.query_one("#catalog-options", OptionList)
        if listing.highlighted is None or not listing.has_focus:
            return
        chosen = listing.get_option_at_index(listing.highlighted).id
        if chosen == NEW:
            return
        try:
            with self.desk.session() as session:
                retire_option(session, self.desk.agent_id, int(chosen))
        except ValidationError as problem:
            self.query_one("#catalog-error", Label).update(str(problem))
            return
        self.reload()

    def action_close(self) -> None:
        self.dismiss(None)
