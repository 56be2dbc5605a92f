"""Goodwill: small gestures and policy exceptions from a monthly budget the agent can see."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, time

from sqlmodel import Session, func, select

from frontdesk.clock.now import local_zone, utcnow
from frontdesk.db.models import Agent, GoodwillGrant, GoodwillKind
from frontdesk.services import audit
from frontdesk.services.guards import require_supervisor
from frontdesk.services.sign_in import check_secret
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
    approved_by_id: int | None = None, approver_secret: str = "",
) -> GoodwillGrant:
    """Over the budget left, a supervisor other than the agent approves by typing their own secret here and now."""
    if kind not in set(GoodwillKind):
        raise ValidationError("kind", "Choose a goodwill gesture or a policy exception.")
    _check_amount(amount, rules)
    reason = clean_line(reason, field="reason", label="The reason", max_length=1000, required=True)
    if approved_by_id is not None:
        _check_approver(session, agent_id, approved_by_id, approver_secret)
    lock_row(session, Agent, agent_id)  # the same agent at two terminals draws from one budget, one grant at a time
    budget = budget_of(session, agent_id, rules)
    over = amount > budget.left
    if over and approved_by_id is None:
        raise NeedsApproval(budget, amount)
    if over:
        require_supervisor(session, approved_by_id, "approve_goodwill")
    grant = GoodwillGrant(
        agent_id=agent_id, customer_id=customer_id, interaction_id=interaction_id, promise_id=promise_id,
        kind=kind, amount=round(amount, 2), reason=reason, approved_by_id=approved_by_id if over else None,
    )
    detail = f"{kind} {grant.amount:.2f} {rules.currency}" + (f" approved by {approved_by_id}" if grant.approved_by_id else "")
    return audit.created(session, grant, agent_id, "goodwill", detail)


def _check_amount(amount: float, rules: DeskRules) -> None:
    """Finite, more than nothing, and no more than the desk's maximum: `inf` and `1e308` never reach a budget."""
    if not math.isfinite(amount) or amount <= 0:
        raise ValidationError("amount", "The amount must be a number more than zero.")
    if amount > rules.goodwill_max_amount:
        raise ValidationError("amount", f"One grant can be at most {rules.goodwill_max_amount:.2f} {rules.currency} "
                                        "(desk rule goodwill_max_amount).")


def _check_approver(session: Session, agent_id: int, approved_by_id: int, secret: str) -> None:
    """The approver proves who they are with their own secret; a wrong one counts towards their lock-out."""
    if approved_by_id == agent_id:
        raise ValidationError("approved_by", "Nobody can approve their own overrun; ask another supervisor.")
    check_secret(session, approved_by_id, secret, purpose="approve goodwill")
