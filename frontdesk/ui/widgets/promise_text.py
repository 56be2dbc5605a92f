"""Promises in words: open ones in a few lines (the overdue in red), and the story of a promise's due times."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from frontdesk.clock.dates import desk_style, digits, moment_words
from frontdesk.clock.when import relative, short
from frontdesk.services.promise_rows import PromiseMove, PromiseRow


def customer_said(row: PromiseRow) -> str:
    """Who the promise is to: the customer's name, or for a caller with no record their number's last four digits, in
    the desk's digits as every list shows them (a name is left as it is written)."""
    return row.customer_name if row.customer_id is not None else digits(row.customer_name, desk_style())


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


def promise_words(row: PromiseRow) -> Text:
    """The whole promise on one line below the list, whose columns may cut it short on a narrow terminal."""
    state = "OVERDUE, " if row.overdue else ""
    said = (f"{row.kind.capitalize()} to {customer_said(row)}, {state}due {moment_words(row.due_at)} ({relative(row.due_at)}), "
            f"owner: {row.owner}, {telling(row.tell_by)}: ")
    return Text.assemble((said, promise_style(row) or "bold"), row.what)


def telling(tell_by: str) -> str:
    """How the customer is to hear the outcome, as a phrase: "tell them by phone", "tell them in person"."""
    return "tell them " + {"in person": "in person", "": "any way"}.get(tell_by, f"by {tell_by}")


def history_text(moves: Sequence[PromiseMove]) -> Text:
    """Each move of the due time, and whether the customer heard before the old deadline (in red when not)."""
    if not moves:
        return Text("Never moved.", style="dim")
    text = Text("Changes:", style="bold")
    for move in moves:
        told = "told before the deadline" if move.told_before_deadline else "told AFTER the deadline"
        text.append(f"\n  {moment_words(move.at)}: {moment_words(move.old_due_at)} → "
                    f"{moment_words(move.new_due_at)} ({told})", style="" if move.told_before_deadline else "red")
        if move.note:
            text.append(f"  {move.note}")
    return text
