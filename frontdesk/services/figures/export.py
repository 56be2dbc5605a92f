"""The figures as a table, JSON or CSV: one shape for the screen, `frontdesk report` and the `x` export."""

from __future__ import annotations

import csv
import io
from frontdesk.clock.dates import DateStyle, desk_style, for_scripts, moment_words
from frontdesk.clock.now import to_local
from frontdesk.services.figures.board import DeskFigures
from frontdesk.services.figures.definitions import FIGURES, exported, shown
from frontdesk.services.figures.goodwill import OverBudgetApproval
from frontdesk.services.money import money_text, shown_money

AGENT_HEADING = "Agent"


def period_words(figures: DeskFigures, style: DateStyle | None = None) -> str:
    """'this week: Mon 23 Nov 2026 00:00 - Sat 28 Nov 2026 12:00', in the desk's local time and in `style`
    (the desk's when None): 'this week: دوشنبه ۲ آذر ۱۴۰۵ ۰۰:۰۰ - ...' on a Persian Jalali desk."""
    end = min(figures.period.end, figures.now)
    return f"{figures.period.label}: {moment_words(figures.period.start, style, year=True)} - {moment_words(end, style, year=True)}"


FIGURE_HEADING = "Figure"


def headings(figures: DeskFigures) -> list[str]:
    """A figure per line and a column per agent, the desk last: 21 figures fit down a screen, not across it."""
    return [FIGURE_HEADING, *(row.name for row in figures.rows)]


def shown_lines(figures: DeskFigures, style: DateStyle | None = None) -> list[list[str]]:
    """Every figure as the screen shows it: its label, then its value for each agent and for the desk.

    In the digits of `style` (the desk's when None), as the desk shows its dates: Persian on a Persian desk."""
    style = style or desk_style()
    return [[figure.label, *(shown(figure, row, figures.currency, style) for row in figures.rows)] for figure in FIGURES]


def as_json(figures: DeskFigures) -> dict[str, object]:
    """Raw numbers (None for nothing to measure), with each figure's definition alongside."""
    return {
        "period": {"label": figures.period.label, "from": to_local(figures.period.start).isoformat(),
                   "to": to_local(figures.period.end).isoformat()},
        "provisional": figures.desk.resolution.provisional,
        "currency": figures.currency,
        "definitions": {figure.key: figure.definition for figure in FIGURES},
        "agents": [_values(row, figures.currency) for row in figures.agents],
        "desk": _values(figures.desk, figures.currency),
        "over_budget_approvals": [
            {"at": to_local(approval.at).isoformat(), "agent": approval.agent, "approved_by": approval.approver,
             "amount": money_text(approval.amount, figures.currency), "reason": approval.reason}
            for approval in figures.approvals
        ],
    }


def _values(row, currency: str) -> dict[str, object]:
    return {"agent": row.name, **{figure.key: exported(figure, row, currency) for figure in FIGURES},
            "first_contact_resolution_provisional": row.resolution.provisional}


def header_lines(figures: DeskFigures) -> list[str]:
    """What a printed or exported report says before its numbers: the period (in the desk's calendar, for a
    script to read: `for_scripts`) and every definition."""
    lines = [f"Figures for {period_words(figures, for_scripts())}"]
    lines += [f"{figure.label}: {figure.definition}" for figure in FIGURES]
    lines += [f"Response limit: {figures.response_limit.total_seconds() / 3600:g} hours. Money in {figures.currency}."]
    return lines


def as_csv(figures: DeskFigures) -> str:
    """Definitions as '#' lines first, then one row per agent and the desk; over-budget approvals at the end."""
    out = io.StringIO()
    out.writelines(f"# {line}\n" for line in header_lines(figures))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([AGENT_HEADING, *(figure.key for figure in FIGURES)])
    for row in figures.rows:
        writer.writerow([spreadsheet_safe(row.name), *(exported(figure, row, figures.currency) for figure in FIGURES)])  # None: an empty cell
    if figures.approvals:
        out.write("# Over-budget approvals\n")
        writer.writerow(["at", "agent", "approved_by", "amount", "reason"])
        for approval in figures.approvals:
            writer.writerow([to_local(approval.at).isoformat(), spreadsheet_safe(approval.agent),
                             spreadsheet_safe(approval.approver), money_text(approval.amount, figures.currency), spreadsheet_safe(approval.reason)])
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list: some skip a leading tab or carriage return)."""


def spreadsheet_safe(text: str) -> str:
    """Typed text opened in a spreadsheet must stay text: a leading =, +, - or @ would be run as a formula."""
    return f"'{text}" if text[:1] in FORMULA_STARTS else text


def approval_line(approval: OverBudgetApproval, currency: str, style: DateStyle | None = None) -> str:
    """How the screen and the printed report list a grant over budget, in the digits of `style` (the desk's when None)."""
    return f"Over budget: {approval.agent} {shown_money(approval.amount, currency, style)}, approved by {approval.approver}"
