"""Goodwill spent in the period against the budget for it, and every grant over budget with its approver."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import aliased
from sqlmodel import Session, func, select

from frontdesk.db.models import Agent, GoodwillGrant
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.sql_time import how_many
from frontdesk.services.figures.tally import Tally, additive, in_period
from frontdesk.services.money import from_cents


@dataclass(frozen=True)
class GoodwillStats:
    spent: Decimal
    grants: int
    over_budget: int
    """Grants that went over the agent's budget, each approved by a named supervisor."""


@dataclass(frozen=True)
class OverBudgetApproval:
    at: datetime
    agent: str
    approver: str
    amount: Decimal
    reason: str


def goodwill_figures(session: Session, period: Period, currency: str) -> Tally[GoodwillStats]:
    rows = session.exec(
        select(GoodwillGrant.agent_id, func.sum(GoodwillGrant.amount_cents), func.count(),
               how_many(GoodwillGrant.approved_by_id != None))  # noqa: E711
        .where(*in_period(GoodwillGrant.at, period)).group_by(GoodwillGrant.agent_id)
    )
    return additive(GoodwillStats, {agent: GoodwillStats(from_cents(spent, currency), int(grants), int(over))
                                    for agent, spent, grants, over in rows})


def over_budget_approvals(session: Session, period: Period, currency: str) -> list[OverBudgetApproval]:
    """One statement, oldest first, with both names joined in."""
    granted_by, approved_by = aliased(Agent), aliased(Agent)
    rows = session.exec(
        select(GoodwillGrant.at, granted_by.name, approved_by.name, GoodwillGrant.amount_cents, GoodwillGrant.reason)
        .join(granted_by, granted_by.id == GoodwillGrant.agent_id).join(approved_by, approved_by.id == GoodwillGrant.approved_by_id)
        .where(*in_period(GoodwillGrant.at, period)).order_by(GoodwillGrant.at, GoodwillGrant.id)
    )
    return [OverBudgetApproval(at, agent, approver, from_cents(cents, currency), reason) for at, agent, approver, cents, reason in rows]
