"""Each figure's name, its definition in plain words, and how its value is read from a row and shown.

The screen's help line, the report's footer and the export's header all print these same definitions.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable
from decimal import Decimal

from frontdesk.clock.dates import DateStyle
from frontdesk.services.figures.board import AgentFigures
from frontdesk.services.figures.tally import share
from frontdesk.services.money import money_text, shown_amount
from frontdesk.services.numbers import shown_number

Value = int | float | Decimal | None


@dataclass(frozen=True)
class Figure:
    key: str
    """The name in JSON and CSV."""
    label: str
    """The column heading on screen and in the table."""
    definition: str
    read: Callable[[AgentFigures], Value]
    unit: str = ""
    """"%" for shares, "min" for durations, "" for counts and money."""
    decimals: int | None = None
    """None for a count; shares and durations have 1, ratios 2 (money has its currency's)."""
    money: bool = False
    """An exact amount in the desk's currency: JSON and CSV give it as a decimal string, "80.50" or "1250" for IRR."""


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


FIGURES: tuple[Figure, ...] = (
    Figure("contacts", "Contacts", "Interactions started in the period that the agent owned at any moment: the owner at the "
           "start, everyone handed to, and everyone who handed on all get one each. The desk counts each interaction once.",
           lambda row: row.contacts.contacts),
    Figure("handoffs", "Handoffs", "Handoffs the agent made in those interactions (the desk: every handoff).",
           lambda row: row.contacts.handoffs),
    Figure("handoffs_per_contact", "Handoffs/contact", "Handoffs divided by contacts handled.",
           lambda row: row.contacts.handoffs_per_contact, decimals=2),
    Figure("first_contact_resolution", "FCR", "Of the wrapped-up contacts the agent owned at the end, the share resolved at "
           "the first contact with no contact from the same customer about the same reason category in the 7 days after. "
           "Marked provisional (~) while any of those 7 days is still running.",
           lambda row: share(row.resolution.resolved_first, row.resolution.wrapped_up), "%", 1),
    Figure("response_median", "Reply median", "Callbacks and messages asked for in the period: the median time from the "
           "request to the call back, over those answered.", lambda row: _minutes(row.response.median_seconds), "min", 1),
    Figure("response_within_limit", "Replied in limit", "Of the callbacks answered or still waiting past the desk's response "
           "limit, the share answered within the limit.", lambda row: share(row.response.within_limit, row.response.counted), "%", 1),
    Figure("average_handle_time", "Handle time", "Average time from the start of a contact to its wrap-up, over the contacts "
           "the agent wrapped up.", lambda row: _minutes(row.contacts.average_handle_seconds), "min", 1),
    Figure("promises_on_time", "Kept on time", "Promises and follow-ups due in the period: the share kept by their due time "
           "(early counts as on time), of those kept or overdue.",
           lambda row: share(row.promises.on_time, row.promises.settled), "%", 1),
    Figure("promises_kept_late", "Kept late", "Promises due in the period that were kept after their due time.",
           lambda row: row.promises.late),
    Figure("promises_overdue", "Overdue", "Promises due in the period, past their due time and still open.",
           lambda row: row.promises.overdue),
    Figure("promises_moved_told_in_time", "Moved, told in time", "Due times moved in the period: the share the customer "
           "heard of before the old deadline.", lambda row: share(row.promises.moved_told_in_time, row.promises.moved), "%", 1),
    Figure("csat", "CSAT", "Ratings of 4 or 5 among the customers' 1-5 ratings of contacts started in the period.",
           lambda row: share(row.satisfaction.good_ratings, row.satisfaction.ratings), "%", 1),
    Figure("ratings", "Ratings", "How many customers gave a rating.", lambda row: row.satisfaction.ratings),
    Figure("mood_calmer", "Left calmer", "Contacts whose last mood reading was calmer than the first "
           "(calm, worried, upset, angry).", lambda row: row.satisfaction.calmer),
    Figure("mood_same", "Mood same", "Contacts whose last mood reading was the same as the first.",
           lambda row: row.satisfaction.same_mood),
    Figure("mood_worse", "Left worse", "Contacts whose last mood reading was worse than the first.",
           lambda row: row.satisfaction.worse),
    Figure("escalations", "Escalations", "Contacts in which the customer asked for a manager, for the owner at the end.",
           lambda row: row.contacts.escalations),
    Figure("unedited_summaries", "Unedited summaries", "Wrap-ups saved with the drafted summary unchanged (flagged: "
           "canned text is not service).", lambda row: row.contacts.unedited_summaries),
    Figure("goodwill_spent", "Goodwill spent", "Goodwill gestures and policy exceptions granted in the period, in the "
           "desk's currency.", lambda row: row.goodwill.spent, money=True),
    Figure("goodwill_budget", "Goodwill budget", "The monthly budget for each month the period touches (the desk: for "
           "every agent listed).", lambda row: row.goodwill_budget, money=True),
    Figure("over_budget_approvals", "Over budget", "Grants over the agent's remaining budget, each approved by a named "
           "supervisor (listed under the table).", lambda row: row.goodwill.over_budget),
)


def exported(figure: Figure, row: AgentFigures, currency: str) -> int | float | str | None:
    """The value as JSON and CSV give it: a number, None for nothing to measure, money as "80.50" (exact)."""
    value = figure.read(row)
    return money_text(value, currency) if figure.money and value is not None else value  # type: ignore[arg-type]


def shown(figure: Figure, row: AgentFigures, currency: str, style: DateStyle) -> str:
    """The value as the screen and the table show it, written as the style's language writes numbers (grouped,
    its decimal mark and digits: `shown_number`); a dash when there is nothing to measure."""
    value = figure.read(row)
    if value is None:
        text = "-"
    elif figure.money:
        text = shown_amount(value, currency, style)  # type: ignore[arg-type]
    else:
        text = f"{shown_number(value, figure.decimals or 0, style)} {figure.unit}".rstrip()
    if figure.key == "first_contact_resolution" and row.resolution.provisional and value is not None:
        return f"~{text}"
    return text
