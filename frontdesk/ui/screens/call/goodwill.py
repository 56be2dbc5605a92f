"""A goodwill gesture or policy exception: amount and reason, the budget in view, approval when over it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Select, Static

from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.facades.offers import KIND_WORDS, GoodwillForm, Offers
from frontdesk.services.goodwill import GoodwillRequest, NeedsApproval
from frontdesk.services.money import amount_of
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox

@dataclass(frozen=True)
class Asked:
    rules: DeskRules
    request: GoodwillRequest


class GoodwillScreen(FormDialog[GoodwillRequest | None]):
    """Returns the grant as checked against the budget, or None when none is wanted.

    Nothing is drawn here: the screen that asked stores the grant in the same commit as the action it
    pays for (the make-good of a closed promise, the customer's chosen option), so a cancelled action
    never leaves money spent.
    """

    DIALOG_TITLE = "Goodwill gesture or policy exception"
    AUTO_FOCUS = "#goodwill-amount"

    def __init__(self, desk: Desk, *, amount: str = "", reason: str = "") -> None:
        """`amount` as the box shows it (`money_text`, in the currency's decimals), already typed for the agent."""
        super().__init__(desk)
        self.offers = Offers(desk)
        self.amount, self.reason = amount, reason
        self.form: GoodwillForm | None = None

    def compose_form(self) -> ComposeResult:
        yield Static("Your budget: …", id="goodwill-budget", markup=False)
        yield Select([(words, kind) for kind, words in KIND_WORDS.items()], value=next(iter(KIND_WORDS)), allow_blank=False, id="goodwill-kind")
        yield Label("Amount", id="goodwill-amount-label", markup=False)
        yield TextBox(self.amount, id="goodwill-amount")
        yield Label("Why (recorded with the grant)", markup=False)
        yield TextBox(self.reason, id="goodwill-reason")
        yield Select([], prompt="Approving supervisor", id="goodwill-approver", classes="hidden")
        yield TextBox(placeholder="The approving supervisor types their own secret", password=True,
                    id="goodwill-approver-secret", classes="hidden")
        yield Static("Ctrl+S saves; Escape cancels.", markup=False)

    def load(self) -> GoodwillForm:
        return self.offers.goodwill_form()

    def show_loaded(self, form: GoodwillForm) -> None:
        self.form = form
        self.query_one("#goodwill-budget", Static).update(Text.assemble(("Your budget: ", "bold"), form.budget.describe()))
        self.query_one("#goodwill-amount-label", Label).update(f"Amount ({form.rules.currency})")
        self.query_one("#goodwill-approver", Select).set_options([(Text(agent.name), agent.id) for agent in form.approvers])

    def collect(self) -> Asked:
        if self.form is None:
            raise ValueError("Still reading your budget; try again in a moment.")
        amount = amount_of(self.query_one("#goodwill-amount", TextBox).value, self.form.rules.currency)
        approver = self.query_one("#goodwill-approver", Select).value
        return Asked(self.form.rules, GoodwillRequest(
            str(self.query_one("#goodwill-kind", Select).value), amount, self.query_one("#goodwill-reason", TextBox).value,
            None if approver is Select.NULL else int(approver), self.query_one("#goodwill-approver-secret", TextBox).value,
        ))

    def save(self, asked: Asked) -> GoodwillRequest:
        return self.offers.check_goodwill(asked.rules, asked.request)

    def show_error(self, problem: Exception | str | None) -> None:
        """Over the budget: the supervisor list and a box for their secret appear; a wrong secret is cleared for another try."""
        if isinstance(problem, NeedsApproval):
            approver = self.query_one("#goodwill-approver", Select)
            approver.remove_class("hidden")
            self.query_one("#goodwill-approver-secret", TextBox).remove_class("hidden")
            approver.focus()
        elif problem is not None and getattr(problem, "field", None) in ("secret", "approved_by", "role"):
            self.query_one("#goodwill-approver-secret", TextBox).value = ""
        super().show_error(problem)

    @on(TextBox.Submitted)
    def submitted(self) -> None:
        self.action_save()
