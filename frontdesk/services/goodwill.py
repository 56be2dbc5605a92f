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


@dataclass(frozen=True)
class GoodwillRequest:
    """A grant as asked for and checked, not yet drawn: it is drawn in the same commit as the action it pays for."""

    kind: str
    amount: float
    reason: str
    approved_by_id: int | None = None

    def describe(self) -> str:
        return f"{self.kind} of {self.amount:g}: {self.reason}"


def check_goodwill(session: Session, agent_id: int, rules: DeskRules, request: GoodwillRequest) -> GoodwillRequest:
    """The request as it will be stored (reason cleaned), or a ValidationError (NeedsApproval over the budget)."""
    if request.kind not in set(GoodwillKind):
        raise ValidationError("kind", "Choose a goodwill gesture or a policy exception.")
    if not request.amount >= 0:  # also refuses NaN
        raise ValidationError("amount", "The amount cannot be negative.")
    reason = clean_line(request.reason, field="reason", label="The reason", max_length=1000, required=True)
    budget = budget_of(session, agent_id, rules)
    approved_by_id = None
    if request.amount > budget.left:
        if request.approved_by_id is None:
            raise NeedsApproval(budget, request.amount)
        approver = session.get(Agent, request.approved_by_id)
        if approver is None or not approver.active or approver.role != Role.SUPERVISOR:
            raise ValidationError("approved_by", "Only an active supervisor can approve going over the budget.")
        approved_by_id = request.approved_by_id
    return GoodwillRequest(request.kind, round(request.amount, 2), reason, approved_by_id)


def add_goodwill(
    session: Session, agent_id: int, rules: DeskRules, request: GoodwillRequest, *, customer_id: int | None = None,
    interaction_id: int | None = None, promise_id: int | None = None,
) -> GoodwillGrant:
    """Adds the grant to the caller's transaction, uncommitted: the caller commits it with the action it pays for."""
    lock_row(session, Agent, agent_id)  # the same agent at two terminals draws from one budget, one grant at a time
    checked = check_goodwill(session, agent_id, rules, request)
    grant = GoodwillGrant(
        agent_id=agent_id, customer_id=customer_id, interaction_id=interaction_id, promise_id=promise_id,
        kind=checked.kind, amount=checked.amount, reason=checked.reason, approved_by_id=checked.approved_by_id,
    )
    session.add(grant)
    session.flush()
    detail = f"{checked.kind} {grant.amount:.2f} {rules.currency}" + (f" approved by {grant.approved_by_id}" if grant.approved_by_id else "")
    audit.record(session, agent_id, "create", "goodwill", grant.id, detail)
    return grant


def grant_goodwill(
    session: Session, agent_id: int, rules: DeskRules, *, kind: str, amount: float, reason: str,
    customer_id: int | None = None, interaction_id: int | None = None, promise_id: int | None = None,
    approved_by_id: int | None = None,
) -> GoodwillGrant:
    """A grant on its own, committed at once."""
    grant = add_goodwill(session, agent_id, rules, GoodwillRequest(kind, amount, reason, approved_by_id),
                         customer_id=customer_id, interaction_id=interaction_id, promise_id=promise_id)
    session.commit()
    session.refresh(grant)
    return grant
