"""Offering real choices: the options for this kind of problem, which were offered, which was chosen."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from frontdesk.lookup import normalize
from frontdesk.services.desk import Desk
from frontdesk.services.facades.offers import Offers, SolutionChoices
from frontdesk.services.goodwill import GoodwillRequest
from frontdesk.services.money import money_text, shown_money
from frontdesk.services.solutions import OfferedOption
from frontdesk.ui.screens.call.goodwill import GoodwillScreen
from frontdesk.ui.screens.dialogs.form_dialog import JUST_FINDING, FormDialog
from frontdesk.ui.screens.dialogs.text_prompt import TextPromptScreen
from frontdesk.ui.widgets.edit_boxes import TextBox


def option_text(option: OfferedOption, offered: bool, chosen: bool, currency: str) -> Text:
    mark = "★ chosen " if chosen else ("✓ offered" if offered else "         ")
    text = Text.assemble((mark, "bold green" if chosen else "green"), " ", (option.title, "bold"))
    if option.gives:
        text.append_text(Text.assemble("\n            gives: ", option.gives))
    if option.limitations:
        text.append_text(Text.assemble("\n            ", ("limits: ", "yellow"), option.limitations))
    if option.goodwill_cost:
        text.append(f"\n            goodwill: {shown_money(option.goodwill_cost, currency)}", style="magenta")
    return text


class SolutionPickerScreen(FormDialog[bool]):
    """Space marks an option offered, Enter marks the customer's choice; Ctrl+S records it all."""

    BINDINGS = [
        Binding("space", "offer", "Offered", id="solutions.offer"),
        Binding("d", "declined", "Declined all", id="solutions.declined"),
        Binding("l", "limits", "Limits explained", id="solutions.limits"),
        Binding("o", "one_off", "One-off option", id="solutions.one-off"),
        Binding("down", "to_list", "To the list", show=False, id="solutions.to-list"),
    ]
    CANCELLED = False
    AUTO_FOCUS = "#solution-filter"
    DIALOG_ID = "solution-picker"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__(desk)
        self.offers = Offers(desk)
        self.interaction_id = interaction_id
        self.choices: SolutionChoices | None = None
        self.options: list[OfferedOption] = []
        self.offered: set[int] = set()
        self.chosen: int | None = None
        self.declined = False
        self.limits_explained = False
        self.goodwill: GoodwillRequest | None = None
        """The goodwill the chosen option costs, once asked for: stored with the offers, in one commit."""

    def dialog_title(self) -> str:
        return "Options"

    def compose_form(self) -> ComposeResult:
        yield TextBox(placeholder="Type to filter; ↓ to the list", id="solution-filter", classes=JUST_FINDING)
        yield OptionList(id="solutions")
        yield Static(id="solution-state")

    def load(self) -> SolutionChoices:
        return self.offers.solution_choices(self.interaction_id)

    def show_loaded(self, choices: SolutionChoices) -> None:
        self.choices = choices
        self.options = [*choices.options, *self.options]  # one-off options added while loading stay
        self.offered = {index + len(choices.options) for index in self.offered}
        heading = f"Options for {choices.category}" if choices.category else "All options (set the call's category with Ctrl+R to narrow them)"
        self.query_one(".dialog-title", Static).update(heading)
        self.redraw()

    def on_mount(self) -> None:
        """Draws the empty list at once; FormDialog's on_mount (Textual calls it too) starts the load."""
        self.redraw()

    @on(TextBox.Changed, "#solution-filter")
    def redraw(self) -> None:
        currency = self.choices.currency if self.choices else ""
        wanted = normalize(self.query_one("#solution-filter", TextBox).value)
        listing = self.query_one("#solutions", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        for index, option in enumerate(self.options):
            if wanted in normalize(f"{option.title} {option.gives} {option.limitations}"):
                listing.add_option(Option(option_text(option, index in self.offered, index == self.chosen, currency), id=str(index)))
        if listing.option_count:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)
        chosen = self.options[self.chosen].title if self.chosen is not None else ("declined all" if self.declined else "not yet")
        self.query_one("#solution-state", Static).update(Text.assemble(
            ("Offered: ", "bold"), str(len(self.offered)), ("   Customer's choice: ", "bold"), chosen,
            ("   Limits explained: ", "bold"), ("yes" if self.limits_explained else "no (l)", "" if self.limits_explained else "yellow"),
            "\nSpace: offered · Enter: their choice · d: declined all · l: limits explained · o: one-off · Ctrl+S: save",
        ))

    @on(TextBox.Submitted, "#solution-filter")
    def action_to_list(self) -> None:
        self.query_one("#solutions").focus()

    def highlighted_index(self) -> int | None:
        listing = self.query_one("#solutions", OptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        return int(listing.get_option_at_index(listing.highlighted).id)

    def action_offer(self) -> None:
        index = self.highlighted_index()
        if index is not None:
            self.offered ^= {index}
            self.chosen = None if self.chosen == index and index not in self.offered else self.chosen
            self.redraw()

    @on(OptionList.OptionSelected, "#solutions")
    def choose(self, event: OptionList.OptionSelected) -> None:
        index = int(event.option.id)
        self.offered.add(index)
        self.chosen, self.declined, self.goodwill = index, False, None
        self.redraw()

    def action_declined(self) -> None:
        self.chosen, self.declined, self.goodwill = None, True, None
        self.redraw()

    def action_limits(self) -> None:
        self.limits_explained = not self.limits_explained
        self.redraw()

    def action_one_off(self) -> None:
        def added(title: str | None) -> None:
            if title:
                self.options.append(OfferedOption(title.strip()))
                self.offered.add(len(self.options) - 1)
                self.redraw()

        question = Text("An option made up for this customer: what is it, and what are its limits?")
        self.app.push_screen(TextPromptScreen("One-off option", question, "e.g. Deliver to the neighbour, signed for"), added)

    def collect(self) -> tuple[list[OfferedOption], int | None, bool]:
        if self.chosen is None and not self.declined:
            raise ValueError("Mark the customer's choice (Enter), or that they declined all (d).")
        indices = sorted(self.offered)
        chosen = indices.index(self.chosen) if self.chosen is not None else None
        return [self.options[index] for index in indices], chosen, self.limits_explained

    def chosen_cost(self) -> OfferedOption | None:
        """The chosen option when it costs goodwill."""
        option = self.options[self.chosen] if self.chosen is not None else None
        return option if option is not None and option.goodwill_cost else None

    def action_save(self) -> None:
        """A chosen option with a goodwill cost asks for the grant first; both are then stored together."""
        option = self.chosen_cost()
        if option is None or self.goodwill is not None or self.saving:
            super().action_save()
            return
        amount = money_text(option.goodwill_cost, self.choices.currency) if self.choices else ""
        self.app.push_screen(GoodwillScreen(self.desk, amount=amount, reason=f"Chosen option: {option.title}"),
                             self.goodwill_asked)

    def goodwill_asked(self, request: GoodwillRequest | None) -> None:
        if request is None:
            self.show_error("No goodwill was drawn, so nothing is recorded yet: Ctrl+S to draw it, or choose another option.")
            return
        self.goodwill = request
        super().action_save()

    def save(self, values: tuple[list[OfferedOption], int | None, bool]) -> bool:
        offered, chosen, limits_explained = values
        customer_id = self.choices.customer_id if self.choices else None
        self.offers.record_offers(self.interaction_id, offered, chosen, limits_explained, goodwill=self.goodwill,
                                  customer_id=customer_id)
        return True
