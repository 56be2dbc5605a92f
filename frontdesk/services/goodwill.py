"""Goodwill: small gestures and policy exceptions from a monthly budget the agent can see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlmodel import Session, func, select

from frontdesk.clock.now import local_zone, utcnow
from frontdesk.db.models import Agent, GoodwillGrant, GoodwillKind, Role
from frontdesk.services import audit
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.locks import lock_row
from frontdesk.services.validation import ValidationError, clean_line


@dataclass(frozen=True)
class Budget:
    budget: float
    used: float
    currency: str

    @property
    def left(self) -> float:
        return round(self.budget - self.used, 2)

    def describe(self) -> str:
        return f"{self.left:.2f} {self.currency} left of {self.budget:.2f} this month"


class NeedsApproval(ValidationError):
    """Over the agent's remaining budget: allowed only with a supervisor's recorded approval."""

    def __init__(self, budget: Budget, amount: float) -> None:
        super().__init__(
            "approved_by",
            f"{amount:.2f} {budget.currency} is more than the {budget.left:.2f} {budget.currency} left in your "
            "goodwill budget this month; a supervisor must approve it.",
        )
        self.budget = budget


def month_start(now: datetime) -> datetime:
    local = now.astimezone(local_zone())
    return datetime.combine(local.date().replace(day=1), time.min, tzinfo=local_zone())


def budget_of(session: Session, agent_id: int, rules: DeskRules) -> Budget:
    used = session.exec(
        select(func.coalesce(func.sum(GoodwillGrant.amount), 0.0))
        .where(GoodwillGrant.agent_id == agent_id, GoodwillGrant.at >= month_start(utcnow()))
    ).one()
    return Budget(budget=rules.goodwill_budget_per_month, used=float(used), currency=rules.currency)


def grant_goodwill(
    session: Session, agent_id: int, rules: DeskRules, *, kind: str, amount: float, reason: str,
    customer_id: int | None = None, interaction_id: int | None = None, promise_id: int | None = None,
    approved_by_id: int | None = None,
) -> GoodwillGrant:
    if kind not in set(GoodwillKind):
        raise ValidationError("kind", "Choose a goodwill gesture or a policy exception.")
    if not amount >= 0:  # also refuses NaN
        raise ValidationError("amount", "The amount cannot be negative.")
    reason = clean_line(reason, field="reason", label="The reason", max_length=1000, required=True)
    lock_row(session, Agent, agent_id)  # the same agent at two terminals draws from one budget, one grant at a time
    budget = budget_of(session, agent_id, rules)
    if amount > budget.left:
        if approved_by_id is None:
            raise NeedsApproval(budget, amount)
        approver = session.get(Agent, approved_by_id)
        if approver is None or not approver.active or approver.role != Role.SUPERVISOR:
            raise ValidationError("approved_by", "Only an active supervisor can approve going over the budget.")
    grant = GoodwillGrant(
        agent_id=agent_id, customer_id=customer_id, interaction_id=interaction_id, promise_id=promise_id,
        kind=kind, amount=round(amount, 2), reason=reason, approved_by_id=approved_by_id if amount > budget.left else None,
    )
    detail = f"{kind} {grant.amount:.2f} {rules.currency}" + (f" approved by {approved_by_id}" if grant.approved_by_id else "")
    return audit.created(session, grant, agent_id, "goodwill", detail)
