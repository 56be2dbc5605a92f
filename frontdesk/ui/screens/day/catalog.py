"""Supervisors keep the solution catalog: per category, each option with what it gives and its limits."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, OptionList, Select
from textual.widgets.option_list import Option

from frontdesk.services.desk import Desk
from frontdesk.services.facades.desk_lists import Catalog, CatalogOption, DeskLists
from frontdesk.services.money import amount_of, money_text
from frontdesk.services.solutions import OfferedOption
from frontdesk.ui.background import in_background
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox

NEW = "new"
FIELDS = (("title", "Title"), ("gives", "What it gives the customer"),
          ("limitations", "Its limitations, said plainly"), ("cost", "Goodwill cost (0 if none)"))


class CatalogScreen(FormDialog[None]):
    """Enter on an option edits it; Delete retires it; the form saves with Ctrl+S and stays open for the next."""

    DEFAULT_CSS = """
    CatalogScreen > .dialog { width: 120; height: 80%; }
    CatalogScreen .dialog-fields { height: 1fr; }
    CatalogScreen #catalog-panes { height: 1fr; }
    CatalogScreen #catalog-options { width: 1fr; height: 1fr; }
    CatalogScreen #catalog-form { width: 1fr; padding-left: 2; }
    """
    BINDINGS = [Binding("delete", "retire", "Retire option", id="catalog.retire")]
    DIALOG_TITLE = "Solution catalog"
    AUTO_FOCUS = "#catalog-options"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.lists = DeskLists(desk)
        self.editing: int | None = None
        self.options: dict[int, CatalogOption] = {}
        self.categories: list[str] = []
        self.currency = ""
        """The desk's, once the catalog is read: it says how many decimals a cost has."""

    def compose_form(self) -> ComposeResult:
        with Horizontal(id="catalog-panes"):
            yield OptionList(id="catalog-options")
            with VerticalScroll(id="catalog-form"):
                yield Label("Category", markup=False)
                yield Select([], id="catalog-category", prompt="Category")
                for field, label in FIELDS:
                    yield Label(label, markup=False)
                    yield TextBox(id=f"catalog-{field}")

    def load(self) -> Catalog:
        return self.lists.catalog()

    def reload(self) -> None:
        in_background(self, self.lists.catalog, self.show_loaded, group="catalog", exclusive=True)

    def on_desk_changed(self, event: DeskChanged) -> None:
        if event.touches("catalog", "category"):
            self.reload()

    def show_loaded(self, catalog: Catalog) -> None:
        self.currency = catalog.currency
        self.options = {option.id: option for option in catalog.options}
        chosen = self.chosen_category()
        self.set_categories([*catalog.categories, *([chosen] if chosen and chosen not in catalog.categories else [])])
        listing = self.query_one("#catalog-options", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_option(Option(Text("+ New option", style="bold"), id=NEW))
        for option in catalog.options:
            listing.add_option(Option(Text.assemble((f"{option.category}: ", "dim"), option.title), id=str(option.id)))
        if highlighted is not None:
            listing.highlighted = min(highlighted, listing.option_count - 1)

    def chosen_category(self) -> str | None:
        value = self.query_one("#catalog-category", Select).value
        return None if value is Select.NULL else str(value)

    def set_categories(self, names: list[str]) -> None:
        """Keeps the category being chosen, even one retired since the option was filed under it."""
        if names == self.categories:
            return
        chosen = self.chosen_category()
        self.categories = names
        select = self.query_one("#catalog-category", Select)
        select.set_options([(Text(name), name) for name in names])
        if chosen in names:
            select.value = chosen

    @on(OptionList.OptionSelected, "#catalog-options")
    def edit(self, event: OptionList.OptionSelected) -> None:
        self.editing = None if event.option.id == NEW else int(event.option.id)
        option = self.options.get(self.editing)
        values = {"title": "", "gives": "", "limitations": "", "cost": "0"} if option is None else {
            "title": option.title, "gives": option.gives, "limitations": option.limitations, "cost": money_text(option.goodwill_cost, self.currency)}
        for field, value in values.items():
            self.query_one(f"#catalog-{field}", TextBox).value = value
        if option is not None:
            if option.category not in self.categories:
                self.set_categories([*self.categories, option.category])
            self.query_one("#catalog-category", Select).value = option.category
        self.query_one("#catalog-category").focus()

    @on(TextBox.Submitted)
    def submitted(self) -> None:
        self.action_save()

    def collect(self) -> tuple[OfferedOption, str]:
        if not self.currency:
            raise ValueError("Still reading the catalog; try again in a moment.")
        cost = amount_of(self.query_one("#catalog-cost", TextBox).value.strip() or "0", self.currency, field="goodwill_cost",
                         label="The goodwill cost", zero_allowed=True)
        option = OfferedOption(
            title=self.query_one("#catalog-title", TextBox).value, gives=self.query_one("#catalog-gives", TextBox).value,
            limitations=self.query_one("#catalog-limitations", TextBox).value, option_id=self.editing, goodwill_cost=cost,
        )
        return option, self.chosen_category() or ""

    def save(self, values: tuple[OfferedOption, str]) -> str:
        option, category = values
        self.lists.save_option(option, category)
        return option.title

    def saved(self, title: str) -> None:
        self.notify(Text(f"Saved: {title}"))
        self.reload()

    def action_retire(self) -> None:
        listing = self.query_one("#catalog-options", OptionList)
        if listing.highlighted is None or not listing.has_focus:
            return
        chosen = listing.get_option_at_index(listing.highlighted).id
        if chosen != NEW:
            self.show_error(None)
            in_background(self, lambda: self.lists.retire_option(int(chosen)), lambda _done: self.reload(),
                          failed=self.show_error, group="catalog-retire")
