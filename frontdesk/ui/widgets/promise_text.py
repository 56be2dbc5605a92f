"""Open promises in a few lines, the overdue ones in red: shown wherever the customer is."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from frontdesk.services.promise_rows import PromiseRow
from frontdesk.clock.when import relative, short


def promise_style(row: PromiseRow) -> str:
    return "bold red" if row.overdue else ("yellow" if row.due_today else "")


def promises_text(rows: Sequence[PromiseRow], *, label: str = "Open promises") -> Text:
    if not rows:
        return Text.assemble((f"{label}: ", "bold"), "none")
    text = Text.assemble((f"{label}:", "bold"))
    for row in rows:
        state = "OVERDUE " if row.overdue else ""
        text.append(f"\n  • {state}due {short(row.due_at)} ({relative(row.due_at)}), {row.owner}: ", style=promise_style(row))
        text.append(row.what, style=promise_style(row))
    return text
