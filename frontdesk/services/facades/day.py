"""The day board: what the Day section shows, read in one short session."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.services.day import DaySummary, day_summary
from frontdesk.services.desk import Desk
from frontdesk.services.escalations import Escalation, escalation_rows


@dataclass(frozen=True)
class DayView:
    summary: DaySummary
    escalations: tuple[Escalation, ...]
    """Customers waiting for a manager, longest first."""


class DayBoard:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def today(self) -> DayView:
        """A constant number of statements, however many agents and escalations there are."""
        with self.desk.reading() as session:
            return DayView(day_summary(session, self.desk.agent_id), tuple(escalation_rows(session)))
