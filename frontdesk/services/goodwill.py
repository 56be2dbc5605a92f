"""Goodwill: small gestures and policy exceptions from a monthly budget the agent can see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal

from sqlmodel import Session, func, select

from frontdesk.clock.now import local_zone, utcnow
from frontdesk.db.models import Agent, GoodwillGrant, GoodwillKind
from frontdesk.services import audit
from frontdesk.services.agent_secrets import secret_matches
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.guards import require_supervisor
from frontdesk.services.locks import lock_row
from frontdesk.services.money import amount_of, from_cents, money_text, shown_amount, shown_money, to_cents
from frontdesk.services.sign_in import check_secret
from frontdesk.services.validation import ValidationError, clean_line


@dataclass(frozen=True)
class Budget:
    budget: Decimal
    used: Decimal
    currency: str

    @property
    def left(self) -> Decimal:
        """Exact: 0.10 + 0.20 drawn from 0.30 leaves 0.00, never -0.0000000001."""
        return self.budget - self.used

    def describe(self) -> str:
        """Overdrawn (a supervisor approved an overrun), it says by how much, never "-30.00 EUR left"."""
        if self.left < 0:
            return f"{shown_money(-self.left, self.currency)} over your budget of {shown_amount(self.budget, self.currency)} this month"
        return f"{shown_money(self.left, self.currency)} left of {shown_amount(self.budget, self.currency)} this month"


class NeedsApproval(ValidationError):
    """Over the agent's remaining budget: allowed only with a supervisor's recorded approval."""

    def __init__(self, budget: Budget, amount: Decimal) -> None:
        super().__init__("approved_by", _needs_approval_words(budget, amount))
        self.budget = budget


def _needs_approval_words(budget: Budget, amount: Decimal) -> str:
    """Overdrawn, the budget left is not a negative amount to compare with but nothing, and how far over it is."""
    asked = shown_money(amount, budget.currency)
    if budget.left >= 0:
        return (f"{asked} is more than the {shown_money(budget.left, budget.currency)} left in your "
                "goodwill budget this month; a supervisor must approve it.")
    over = shown_money(-budget.left, budget.currency)
    return f"Nothing is left in your goodwill budget this month ({over} over): {asked} needs a supervisor's approval."


def month_start(now: datetime) -> datetime:
    local = now.astimezone(local_zone())
    return datetime.combine(local.date().replace(day=1), time.min, tzinfo=local_zone())


def budget_of(session: Session, agent_id: int, rules: DeskRules) -> Budget:
    used = session.exec(
        select(func.sum(GoodwillGrant.amount_cents))
        .where(GoodwillGrant.agent_id == agent_id, GoodwillGrant.at >= month_start(utcnow()))
    ).one()
    return Budget(budget=rules.goodwill_budget_per_month, used=from_cents(used, rules.currency), currency=rules.currency)


@dataclass(frozen=True)
class GoodwillRequest:
    """A grant as asked for and checked, not yet drawn: it is drawn in the same commit as the action it pays for.

    Over the budget, it carries the approving supervisor's secret, typed on the spot: the secret is checked
    (and a wrong one counted) when the request is checked, and checked again, uncounted, when it is drawn.
    """

    kind: str
    amount: Decimal
    """Exact (frontdesk.services.money); checked again, like typed text, when the request is checked."""
    reason: str
    approved_by_id: int | None = None
    approver_secret: str = field(default="", repr=False, compare=False)
    currency: str = ""
    """The desk's, set when the request is checked: what `describe` writes after the amount."""

    def describe(self) -> str:
        return f"{self.kind} of {shown_money(self.amount, self.currency)}: {self.reason}"


Vouch = Callable[[Session, int, str], object]
"""Proves the approver typed their own secret, or raises."""


def check_goodwill(session: Session, agent_id: int, rules: DeskRules, request: GoodwillRequest) -> GoodwillRequest:
    """The request as it will be stored (reason cleaned), or a ValidationError (NeedsApproval over the budget).

    A wrong approver's secret counts towards their lock-out and is committed at once: call this before the
    action the grant pays for, never in its transaction.
    """
    return _checked(session, agent_id, rules, request,
                    vouch=lambda s, approver, secret: check_secret(s, approver, secret, purpose="approve goodwill"))


def add_goodwill(
    session: Session, agent_id: int, rules: DeskRules, request: GoodwillRequest, *, customer_id: int | None = None,
    interaction_id: int | None = None, promise_id: int | None = None,
) -> GoodwillGrant:
    """Adds the grant to the caller's transaction, uncommitted: the caller commits it with the action it pays for."""
    lock_row(session, Agent, agent_id)  # the same agent at two terminals draws from one budget, one grant at a time
    checked = _checked(session, agent_id, rules, request, vouch=_secret_still_theirs)
    grant = GoodwillGrant(
        agent_id=agent_id, customer_id=customer_id, interaction_id=interaction_id, promise_id=promise_id,
        kind=checked.kind, amount_cents=to_cents(checked.amount, rules.currency), reason=checked.reason, approved_by_id=checked.approved_by_id,
    )
    session.add(grant)
    session.flush()
    detail = f"{checked.kind} {money_text(checked.amount, rules.currency)} {rules.currency}" + (f" approved by {grant.approved_by_id}" if grant.approved_by_id else "")
    audit.record(session, agent_id, "create", "goodwill", grant.id, detail)
    return grant


def grant_goodwill(
    session: Session, agent_id: int, rules: DeskRules, *, kind: str, amount: Decimal | str | int, reason: str,
    customer_id: int | None = None, interaction_id: int | None = None, promise_id: int | None = None,
    approved_by_id: int | None = None, approver_secret: str = "",
) -> GoodwillGrant:
    """A grant on its own, checked (a wrong approver's secret counted) and committed at once."""
    request = check_goodwill(session, agent_id, rules, GoodwillRequest(kind, amount, reason, approved_by_id, approver_secret))
    grant = add_goodwill(session, agent_id, rules, request,
                         customer_id=customer_id, interaction_id=interaction_id, promise_id=promise_id)
    session.commit()
    session.refresh(grant)
    return grant


def _checked(session: Session, agent_id: int, rules: DeskRules, request: GoodwillRequest, *, vouch: Vouch) -> GoodwillRequest:
    """Over the budget left, a supervisor other than the agent approves by typing their own secret here and now."""
    if request.kind not in set(GoodwillKind):
        raise ValidationError("kind", "Choose a goodwill gesture or a policy exception.")
    amount = _checked_amount(request.amount, rules)
    reason = clean_line(request.reason, field="reason", label="The reason", max_length=1000, required=True)
    budget = budget_of(session, agent_id, rules)
    if amount <= budget.left:
        return GoodwillRequest(request.kind, amount, reason, currency=rules.currency)
    if request.approved_by_id is None:
        raise NeedsApproval(budget, amount)
    if request.approved_by_id == agent_id:
        raise ValidationError("approved_by", "Nobody can approve their own overrun; ask another supervisor.")
    vouch(session, request.approved_by_id, request.approver_secret)
    require_supervisor(session, request.approved_by_id, "approve_goodwill")
    return GoodwillRequest(request.kind, amount, reason, request.approved_by_id, request.approver_secret, rules.currency)


def _checked_amount(amount: Decimal | str | int, rules: DeskRules) -> Decimal:
    """Exact, more than nothing, and no more than the desk's maximum: `inf` and `1e308` never reach a budget."""
    checked = amount_of(amount, rules.currency)
    if checked > rules.goodwill_max_amount:
        raise ValidationError("amount", f"One grant can be at most {shown_money(rules.goodwill_max_amount, rules.currency)} "
                                        "(desk rule goodwill_max_amount).")
    return checked


def _secret_still_theirs(session: Session, approver_id: int, secret: str) -> None:
    """Checked again when the grant is drawn, without counting (the check before it counted any wrong try)."""
    approver = session.get(Agent, approver_id)
    if approver is None or approver.secret_hash is None or not secret_matches(approver.secret_hash, secret):
        raise ValidationError("approver_secret", "The approving supervisor's secret did not match; ask them to type it again.")
