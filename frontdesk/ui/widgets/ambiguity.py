"""The warning shown when what was typed fits several customers equally well."""

from __future__ import annotations

from rich.text import Text

from frontdesk.clock.dates import year_words
from frontdesk.services.greeting import CustomerSummary
from frontdesk.services.numbers import shown_count
from frontdesk.services.phones import shown_phone


def differences(candidates: list[CustomerSummary]) -> list[tuple[str, list[str]]]:
    """The fields whose values differ between the candidates: what to ask the customer."""
    fields = (
        ("name", lambda c: c.name),
        ("street", lambda c: c.street or "—"),
        ("birth year", lambda c: year_words(c.birth_date) if c.birth_date else "—"),
        ("phone ending", lambda c: shown_phone(c.phone)[-4:] if c.phone else "—"),
    )
    found = []
    for label, value in fields:
        values = [value(candidate) for candidate in candidates]
        if len(set(values)) > 1:
            found.append((label, values))
    return found


NAMED = 3
"""Look-alikes spelled out in the box; more would push the list itself off a small screen."""


def ambiguity_warning(candidates: list[CustomerSummary]) -> Text:
    """What tells the first NAMED look-alikes apart, and how many more there are."""
    text = Text.assemble(
        ("⚠ ", "bold yellow"),
        (f"{shown_count(len(candidates))} customers fit what you typed equally well. ", "bold"),
        "Enter will not pick one; ask the customer, or choose with ↓ and Enter.",
    )
    named, unnamed = candidates[:NAMED], len(candidates) - NAMED
    for line, (label, values) in enumerate(differences(named)):
        text.append(f"\n  {label}: ", style="bold")
        text.append(" / ".join(values))
        if unnamed > 0 and line == 0:
            text.append(f" and {shown_count(unnamed)} more", style="italic")
    return text
