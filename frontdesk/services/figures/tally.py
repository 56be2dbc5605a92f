"""A figure family's result: its numbers per agent and for the whole desk."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

from sqlalchemy import CursorResult, Executable
from sqlmodel import Session

from frontdesk.services.figures.period import Period

S = TypeVar("S")


@dataclass(frozen=True)
class Tally(Generic[S]):
    by_agent: dict[int, S]
    desk: S


def summed(kind: type[S], parts: list[S]) -> S:
    """The desk's numbers for a family whose numbers are all counts or sums: those add up over agents."""
    return kind(**{field.name: sum(getattr(part, field.name) for part in parts) for field in fields(kind)})  # type: ignore[arg-type]


def additive(kind: type[S], by_agent: dict[int, S]) -> Tally[S]:
    return Tally(by_agent, summed(kind, list(by_agent.values())))


def figure_rows(session: Session, statement: Executable) -> CursorResult:
    """Runs a figures statement as Core: plain rows, without the ORM's per-row processing (for a month's
    callbacks that cost more than the query itself)."""
    return session.connection().execute(statement)


def in_period(column, period: Period):
    """The half-open range [start, end): a moment at midnight belongs to the day it starts."""
    return (column >= period.start, column < period.end)


def share(part: int, whole: int) -> float | None:
    """A percentage, or None when there is nothing to measure (shown as a dash, never as 0 %)."""
    return None if whole == 0 else round(100.0 * part / whole, 1)
