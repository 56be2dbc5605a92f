"""What the solution picker and the goodwill dialog read and save; call every method from a worker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from frontdesk.db.models import GoodwillKind
from frontdesk.services.agents import Colleague, as_colleague, supervisors
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.goodwill import Budget, GoodwillRequest, add_goodwill, budget_of, check_goodwill
from frontdesk.services.interactions import get_interaction
from frontdesk.services.money import from_cents
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
                OfferedOption(row.title, row.gives, row.limitations, row.id, from_cents(row.goodwill_cost_cents, currency))
                for row in options_for(session, interaction.category or None)
            )
            return SolutionChoices(interaction.category, interaction.customer_id, options, currency)

    def record_offers(self, interaction_id: int, offered: Sequence[OfferedOption], chosen: int | None,
                      limitations_explained: bool, *, goodwill: GoodwillRequest | None = None,
                      customer_id: int | None = None) -> None:
        """The offers and the goodwill the chosen one costs are stored in one commit, or neither is."""
        with self.desk.session() as session:
            if goodwill is not None:
                add_goodwill(session, self.desk.agent_id, load_rules(session), goodwill,
                             customer_id=customer_id, interaction_id=interaction_id)
            record_offers(session, interaction_id, self.desk.agent_id, offered, chosen=chosen,
                          limitations_explained=limitations_explained)

    def goodwill_form(self) -> GoodwillForm:
        rules = self.desk.rules()
        with self.desk.reading() as session:
            approvers = tuple(as_colleague(agent) for agent in supervisors(session) if agent.id != self.desk.agent_id)
            return GoodwillForm(rules, budget_of(session, self.desk.agent_id, rules), approvers)

    def check_goodwill(self, rules: DeskRules, request: GoodwillRequest) -> GoodwillRequest:
        """Refused with NeedsApproval when over the budget left and no supervisor approved it; nothing is drawn yet.

        A write session: a wrong approver's secret is counted towards their lock-out.
        """
        with self.desk.session() as session:
            return check_goodwill(session, self.desk.agent_id, rules, request)
