"""Presence: which terminals have the desk open, and which customer or call each has on screen."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, delete, select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Agent, Terminal

EXPIRES_VARIABLE = "FRONTDESK_PRESENCE_EXPIRES"
"""Seconds after which a silent terminal no longer counts; tests shorten it (also for processes they start)."""
EXPIRES_AFTER = timedelta(seconds=float(os.environ.get(EXPIRES_VARIABLE) or 30))
"""A terminal not heard from for this long has crashed or lost its network; it no longer counts."""
HEARTBEAT_EVERY = EXPIRES_AFTER.total_seconds() / 3
"""Seconds between heartbeats: three missed beats and the terminal is gone."""


@dataclass(frozen=True)
class OpenElsewhere:
    """Another terminal that has a customer open: "also open at Desk 2 (Sara Karimi)"."""

    desk_name: str
    agent_name: str
    customer_id: int | None
    interaction_id: int | None

    def describe(self) -> str:
        return f"{self.desk_name} ({self.agent_name})" if self.agent_name else self.desk_name


def register(session: Session, terminal_id: str, desk_name: str, agent_id: int | None) -> None:
    """Announces this terminal (again, after a sign-in); forgets terminals long gone while at it."""
    now = utcnow()
    session.exec(delete(Terminal).where(Terminal.seen_at < now - EXPIRES_AFTER * 10))
    terminal = session.get(Terminal, terminal_id)
    if terminal is None:
        terminal = Terminal(id=terminal_id, desk_name=desk_name, started_at=now)
        session.add(terminal)
    terminal.desk_name, terminal.agent_id, terminal.seen_at = desk_name, agent_id, now
    session.commit()


def heartbeat(session: Session, terminal_id: str) -> bool:
    """Keeps this terminal counted, and lets go of the ones that stopped beating.

    Dropping them is a change every terminal hears ("presence", "left"), so an "also open at" line
    disappears from screens when a crashed terminal expires, not at the next unrelated change.
    False when this terminal itself was dropped (it was silent too long) and must register again.
    """
    now = utcnow()
    session.exec(delete(Terminal).where(Terminal.seen_at < now - EXPIRES_AFTER, Terminal.id != terminal_id))
    terminal = session.get(Terminal, terminal_id)
    if terminal is not None:
        terminal.seen_at = now
    session.commit()
    return terminal is not None


def show_customer(session: Session, terminal_id: str, customer_id: int | None, interaction_id: int | None = None) -> None:
    """What this terminal has on screen now (None for nothing in particular)."""
    terminal = session.get(Terminal, terminal_id)
    if terminal is None:
        return
    terminal.customer_id, terminal.interaction_id, terminal.seen_at = customer_id, interaction_id, utcnow()
    session.commit()


def leave(session: Session, terminal_id: str) -> None:
    """A terminal closing cleanly goes at once; a crashed one expires after EXPIRES_AFTER.

    Deleted as a row, not by a DELETE statement, so the feed can say which customer it had open.
    """
    terminal = session.get(Terminal, terminal_id)
    if terminal is not None:
        session.delete(terminal)
        session.commit()


def open_elsewhere(session: Session, terminal_id: str, customer_ids: Iterable[int]) -> dict[int, tuple[OpenElsewhere, ...]]:
    """For each customer id, the other live terminals that have that customer open (one query)."""
    wanted = set(customer_ids)
    if not wanted:
        return {}
    query = (
        select(Terminal, Agent.name)
        .join(Agent, Agent.id == Terminal.agent_id, isouter=True)
        .where(Terminal.customer_id.in_(wanted), Terminal.id != terminal_id, Terminal.seen_at >= utcnow() - EXPIRES_AFTER)
        .order_by(Terminal.desk_name)
    )
    found: dict[int, list[OpenElsewhere]] = {}
    for terminal, agent_name in session.exec(query):
        found.setdefault(terminal.customer_id, []).append(
            OpenElsewhere(terminal.desk_name, agent_name or "", terminal.customer_id, terminal.interaction_id)
        )
    return {customer_id: tuple(entries) for customer_id, entries in found.items()}
