"""The lists supervisors keep (reason categories and the solution catalog), as plain data for their screens."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from frontdesk.services.categories import add_category, all_categories, category_names, set_category_active
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import desk_currency
from frontdesk.services.money import from_cents
from frontdesk.services.solutions import OfferedOption, options_for, retire_option, save_option


@dataclass(frozen=True)
class CatalogOption:
    id: int
    category: str
    title: str
    gives: str
    limitations: str
    goodwill_cost: Decimal


@dataclass(frozen=True)
class Catalog:
    options: tuple[CatalogOption, ...]
    categories: tuple[str, ...]
    """The reason categories in use, to file a new option under."""
    currency: str
    """The desk's: how many decimals a cost is typed and shown with."""


@dataclass(frozen=True)
class CategoryEntry:
    id: int
    name: str
    active: bool


class DeskLists:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def catalog(self) -> Catalog:
        with self.desk.reading() as session:
            currency = desk_currency(session)
            options = tuple(
                CatalogOption(option.id, option.category, option.title, option.gives, option.limitations,
                              from_cents(option.goodwill_cost_cents, currency))
                for option in options_for(session, None)
            )
            return Catalog(options, tuple(category_names(session)), currency)

    def save_option(self, option: OfferedOption, category: str) -> None:
        with self.desk.session() as session:
            save_option(session, self.desk.agent_id, option, category)

    def retire_option(self, option_id: int) -> None:
        with self.desk.session() as session:
            retire_option(session, self.desk.agent_id, option_id)

    def categories(self) -> tuple[CategoryEntry, ...]:
        with self.desk.reading() as session:
            return tuple(CategoryEntry(category.id, category.name, category.active) for category in all_categories(session))

    def add_category(self, name: str) -> None:
        with self.desk.session() as session:
            add_category(session, name, self.desk.agent_id)

    def set_category_active(self, category_id: int, active: bool) -> None:
        with self.desk.session() as session:
            set_category_active(session, category_id, active, self.desk.agent_id)
