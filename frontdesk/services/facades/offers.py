"""What the solution picker and the goodwill dialog read and save; call every method from a worker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from frontdesk.db.models import GoodwillKind
from frontdesk.services.agents import Colleague, as_colleague, supervisors
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.goodwill import Budget, budget_of, grant_goodwill
from frontdesk.services.interactions import get_interaction
from frontdesk.services.solutions import OfferedOption, options_for, record_offers


KIND_WORDS: dict[str, str] = {
    GoodwillKind.GESTURE: "Goodwill gesture (refund, discount, small gift)",
    GoodwillKind.EXCEPTION: "Policy exception (a rule bent for this customer)",
}
"""Each kind of goodwill as the agent chooses it; the first is the usual one."""


@dataclass(frozen=True)
class SolutionChoices:
    category: str
    customer_id: int | None
    options: tuple[OfferedOption, ...]
    currency: str


@dataclass(frozen=True)
class GoodwillForm:
    rules: DeskRules
    budget: Budget
    approvers: tuple[Colleague, ...]


@dataclass(frozen=True)
class GoodwillGiven:
    """A recorded grant, as the dialog that asked for it needs to describe it."""

    id: int
    kind: str
    amount: float
    reason: str


class Offers:
    """Solution options for a call, and goodwill from the agent's monthly budget."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def solution_choices(self, interaction_id: int) -> SolutionChoices:
        """The catalog for the call's category (all of it while the call has none)."""
        currency = self.desk.rules().currency
        with self.desk.reading() as session:
            interaction = get_interaction(session, interaction_id)
            options = tuple(
                OfferedOption(row.title, row.gives, row.limitations, row.id, row.goodwill_cost)
                for row in options_for(session, interaction.category or None)
            )
            return SolutionChoices(interaction.category, interaction.customer_id, options, currency)

    def record_offers(self, interaction_id: int, offered: Sequence[OfferedOption], chosen: int | None,
                      limitations_explained: bool) -> None:
        with self.desk.session() as session:
            record_offers(session, interaction_id, self.desk.agent_id, offered, chosen=chosen,
                          limitations_explained=limitations_explained)

    def goodwill_form(self) -> GoodwillForm:
        rules = self.desk.rules()
        with self.desk.reading() as session:
            approvers = tuple(as_colleague(agent) for agent in supervisors(session) if agent.id != self.desk.agent_id)
            return GoodwillForm(rules, budget_of(session, self.desk.agent_id, rules), approvers)

    def grant_goodwill(self, rules: DeskRules, *, kind: str, amount: float, reason: str, approved_by_id: int | None,
                       approver_secret: str = "", customer_id: int | None, interaction_id: int | None,
                       promise_id: int | None) -> GoodwillGiven:
        """Refused with NeedsApproval when over the budget left and no supervisor approved it with their secret."""
        with self.desk.session() as session:
            grant = grant_goodwill(
                session, self.desk.agent_id, rules, kind=kind, amount=amount, reason=reason, approved_by_id=approved_by_id,
                approver_secret=approver_secret, customer_id=customer_id, interaction_id=interaction_id, promise_id=promise_id,
            )
            return GoodwillGiven(grant.id, grant.kind, grant.amount, grant.reason)
