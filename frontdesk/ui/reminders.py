"""In-app reminders: a promise due within the hour or overdue reaches its owner wherever they are."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text

from frontdesk.clock.when import relative
from frontdesk.services.numbers import shown_count
from frontdesk.services.facades.promises import DueNow
from frontdesk.ui.widgets.promise_text import customer_said

MOST_SHOWN_ONE_BY_ONE = 3
"""More reminders than this at once would cover the screen; they are summed up in one instead."""


@dataclass(frozen=True)
class Reminder:
    message: Text
    severity: str


@dataclass
class PromiseReminders:
    """Each promise is announced once per state (due soon, then overdue), never on every look.

    Works on what a worker read (`DueNow`); it keeps only what was already said, on the UI thread.
    """

    announced: set[tuple[int, str]] = field(default_factory=set)
    counts: tuple[int, int] = (0, 0)
    """(overdue, due within the hour) at the last look, for the header."""

    def fresh(self, due: DueNow) -> list[Reminder]:
        """New reminders since the last look; many at once (the start of a shift) become one summary."""
        self.counts = (len(due.overdue), len(due.soon))
        fresh = []
        for rows, state, severity in ((due.overdue, "overdue", "error"), (due.soon, "soon", "warning")):
            for row in rows:
                if (row.promise_id, state) in self.announced:
                    continue
                self.announced.add((row.promise_id, state))
                label = "Overdue" if state == "overdue" else "Due soon"
                fresh.append(Reminder(
                    Text.assemble((f"{label} ({relative(row.due_at)}): ", "bold"), row.what, " for ", customer_said(row),
                                  f" ({row.customer_told_apart})" if row.customer_told_apart else ""),
                    severity,
                ))
        if len(fresh) > MOST_SHOWN_ONE_BY_ONE:
            severity = "error" if any(reminder.severity == "error" for reminder in fresh) else "warning"
            overdue, soon = self.counts
            summary = (f"{shown_count(len(fresh))} promises need you: {shown_count(overdue)} overdue, "
                       f"{shown_count(soon)} due within the hour. F4 lists them.")
            return [Reminder(Text(summary), severity)]
        return fresh

    def header_text(self, *, compact: bool = False) -> str:
        if not any(self.counts):
            return ""
        overdue, soon = map(shown_count, self.counts)
        return f"{overdue} overdue, {soon} soon" if compact else f"promises: {overdue} overdue, {soon} due within the hour"
