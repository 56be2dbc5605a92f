"""Locks that make a service's check and its write one step when two terminals act at the same moment.

Every service that checks something ("is the promise still open?", "is there room on that day?") and then
writes takes the lock first, inside the same transaction, so the second terminal waits for the first to
commit and then checks again against what the first one wrote.

Why row locks, not SERIALIZABLE transactions: a lock makes the second terminal wait a few milliseconds and
then see the winner's work, so it can be refused in the desk's words ("already kept by Eleni Georgiou").
SERIALIZABLE would abort the loser with a serialization failure instead, which every service call would
need a retry loop for, and PostgreSQL also aborts on unrelated conflicts it cannot tell apart.

On SQLite these are nothing more than a fresh read: every write session begins with BEGIN IMMEDIATE
(frontdesk.db.engine), which already holds the database's one write lock for the whole transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import text
from sqlmodel import Session, SQLModel, select
from sqlmodel.sql.expression import SelectOfScalar

T = TypeVar("T", bound=SQLModel)


def for_update(query: SelectOfScalar[T]) -> SelectOfScalar[T]:
    """The query's rows locked until commit, and re-read even if the session already holds them.

    FOR NO KEY UPDATE rather than FOR UPDATE: rows inserted meanwhile that merely point at a locked row
    (a note by the locked agent, an audit event) need not wait, since no key ever changes here.
    populate_existing matters as much as the lock: without it the session would keep an older copy.
    SQLite ignores the FOR clause, which its compiler leaves out.
    """
    return query.with_for_update(key_share=True).execution_options(populate_existing=True)


def lock_rows(session: Session, model: type[T], ids: Iterable[int]) -> dict[int, T]:
    """Locks the rows in id order (two terminals locking the same pair never wait on each other in a circle)."""
    wanted = sorted(set(ids))
    rows = session.exec(for_update(select(model).where(model.id.in_(wanted)).order_by(model.id)))
    return {row.id: row for row in rows}


def lock_row(session: Session, model: type[T], row_id: int) -> T | None:
    """One row, locked and freshly read; None when it is gone."""
    return lock_rows(session, model, [row_id]).get(row_id)


def advisory_lock(session: Session, scope: str, key: str) -> None:
    """A lock on a name rather than a row, for checks about rows that do not exist yet ("is this person here?").

    Held until the transaction ends. The name is hashed into PostgreSQL's 64-bit lock space; two names
    sharing a hash only ever wait for each other a moment longer, never get a wrong answer.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    digest = hashlib.blake2b(f"{scope}\0{key}".encode(), digest_size=8).digest()
    session.connection().execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": int.from_bytes(digest, "big", signed=True)})

