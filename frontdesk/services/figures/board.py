"""All the figures for a period, per agent and for the desk, as one plain value the screen and the report share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlmodel import Session

from frontdesk.services.agents import list_agents
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.figures.contacts import ContactStats, contact_figures, owned_columns
from frontdesk.services.figures.goodwill import GoodwillStats, OverBudgetApproval, goodwill_figures, over_budget_approvals
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.promises import PromiseStats, promise_figures
from frontdesk.services.figures.owner_pass import owner_rows
from frontdesk.services.figures.resolution import ResolutionStats, resolution_columns, resolution_figures
from frontdesk.services.figures.response import NO_CALLBACKS, ResponseStats, response_figures
from frontdesk.services.figures.satisfaction import SatisfactionStats, rating_columns, satisfaction_figures
from frontdesk.services.figures.sql_time import without_jit
from frontdesk.services.figures.tally import summed
from frontdesk.services.guards import require_supervisor

WHOLE_DESK = "Whole desk"


@dataclass(frozen=True)
class AgentFigures:
    """One row of the figures: an agent's, or the whole desk's (agent_id None)."""

    agent_id: int | None
    name: str
    contacts: ContactStats
    resolution: ResolutionStats
    response: ResponseStats
    promises: PromiseStats
    satisfaction: SatisfactionStats
    goodwill: GoodwillStats
    goodwill_budget: Decimal


@dataclass(frozen=True)
class DeskFigures:
    period: Period
    now: datetime
    currency: str
    response_limit: timedelta
    agents: tuple[AgentFigures, ...]
    desk: AgentFigures
    approvals: tuple[OverBudgetApproval, ...]
    """Goodwill grants over an agent's budget in the period, with who approved them."""

    @property
    def rows(self) -> tuple[AgentFigures, ...]:
        """The agents, then the desk as the last row, as every view lists them."""
        return (*self.agents, self.desk)


def desk_figures(session: Session, viewer_id: int | None, period: Period, now: datetime, rules: DeskRules) -> DeskFigures:
    """Supervisors only. Ten statements for any number of agents and any length of period."""
    require_supervisor(session, viewer_id, "read_day_figures")
    without_jit(session)
    owned = owner_rows(session, period, *owned_columns(), *resolution_columns(now), *rating_columns())
    contacts, resolution = contact_figures(session, period, owned), resolution_figures(owned)
    response, promises = response_figures(session, period, now, rules.response_limit), promise_figures(session, period, now)
    satisfaction, goodwill = satisfaction_figures(session, period, owned), goodwill_figures(session, period, rules.currency)
    budget = rules.goodwill_budget_per_month * period.months_touched()
    figured = set().union(*(family.by_agent for family in (contacts, resolution, response, promises, satisfaction, goodwill)))
    agents = [agent for agent in list_agents(session, active_only=False) if agent.active or agent.id in figured]

    def row(agent_id: int, name: str) -> AgentFigures:
        return AgentFigures(
            agent_id, name, contacts.by_agent.get(agent_id) or summed(ContactStats, []),
            resolution.by_agent.get(agent_id) or summed(ResolutionStats, []), response.by_agent.get(agent_id) or NO_CALLBACKS,
            promises.by_agent.get(agent_id) or summed(PromiseStats, []),
            satisfaction.by_agent.get(agent_id) or summed(SatisfactionStats, []),
            goodwill.by_agent.get(agent_id) or summed(GoodwillStats, []), budget,
        )

    desk = AgentFigures(None, WHOLE_DESK, contacts.desk, resolution.desk, response.desk, promises.desk,
                        satisfaction.desk, goodwill.desk, budget * len(agents))
    return DeskFigures(
        period=period, now=now, currency=rules.currency, response_limit=rules.response_limit,
        agents=tuple(row(agent.id, agent.name) for agent in agents), desk=desk,
        approvals=tuple(over_budget_approvals(session, period, rules.currency)),
    )
