"""A goodwill gesture or policy exception: amount and reason, the budget in view, approval when over it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from frontdesk.db.models import GoodwillGrant, GoodwillKind
from frontdesk.services.desk import Desk
from frontdesk.services.agents import supervisors
from frontdesk.services.goodwill import NeedsApproval, budget_of, grant_goodwill
from frontdesk.services.validation import ValidationError

KINDS = [("Goodwill gesture (refund, discount, small gift)", GoodwillKind.GESTURE),
         ("Policy exception (a rule bent for this customer)", GoodwillKind.EXCEPTION)]


class GoodwillScreen(ModalScreen[GoodwillGrant | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="goodwill.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="goodwill.cancel"),
    ]
    AUTO_FOCUS = "#goodwill-amount"

    def __init__(self, desk: Desk, *, customer_id: int | None, interaction_id: int | None = None,
                 promise_id: int | None = None, amount: float = 0.0, reason: str = "") -> None:
        super().__init__()
        self.desk = desk
        self.links = {"customer_id": customer_id, "interaction_id": interaction_id, "promise_id": promise_id}
        self.amount, self.reason = amount, reason
        self.rules = desk.rules()
        with desk.session() as session:
            self.budget = budget_of(session, desk.agent_id, self.rules)
            self.approvers = supervisors(session)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Goodwill gesture or policy exception", classes="dialog-title", markup=False)
            yield Static(Text.assemble(("Your budget: ", "bold"), self.budget.describe()), id="goodwill-budget")
            yield Select(KINDS, value=GoodwillKind.GESTURE, allow_blank=False, id="goodwill-kind")
            yield Label(f"Amount ({self.rules.currency})", markup=False)
            yield Input(f"{self.amount:g}" if self.amount else "", id="goodwill-amount")
            yield Label("Why (recorded with the grant)", markup=False)
            yield Input(self.reason, id="goodwill-reason")
            yield Select([(Text(agent.name), agent.id) for agent in self.approvers], prompt="Approving supervisor",
                         id="goodwill-approver", classes="hidden")
            yield Label("", id="goodwill-error", classes="error", markup=False)
            yield Static("Ctrl+S saves; Escape cancels.", markup=False)

    @on(Input.Submitted)
    def action_save(self) -> None:
        error = self.query_one("#goodwill-error", Label)
        try:
            amount = float(self.query_one("#goodwill-amount", Input).value.replace(",", ".").strip() or "nan")
        except ValueError:
            amount = float("nan")
        if amount != amount:
            error.update("Type the amount as a number, e.g. 15 or 12.50.")
            return
        approver = self.query_one("#goodwill-approver", Select).value
        try:
            with self.desk.session() as session:
                grant = grant_goodwill(
                    session, self.desk.agent_id, self.rules, kind=str(self.query_one("#goodwill-kind", Select).value),
                    amount=amount, reason=self.query_one("#goodwill-reason", Input).value,
                    approved_by_id=None if approver is Select.NULL else int(approver), **self.links,
                )
        except NeedsApproval as over:
            error.update(str(over))
            self.query_one("#goodwill-approver").remove_class("hidden")
            self.query_one("#goodwill-approver").focus()
            return
        except ValidationError as problem:
            error.update(str(problem))
            return
        self.dismiss(grant)

    def action_cancel(self) -> None:
        self.dismiss(None)
