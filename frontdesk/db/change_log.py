"""The change feed, written: every committed change to the desk's records leaves a DeskChange row.

The rows are written by session events in the same transaction as the change itself, so a change
and its feed row are committed (or lost) together, whoever wrote them: a screen, `frontdesk import`
in another process, a test. On PostgreSQL the same transaction also issues NOTIFY with the new rows'
ids, which the server delivers to listening terminals exactly when it commits.

What each table's rows mean to the other terminals is said in `frontdesk.db.change_kinds`. Changes
are gathered per flush and written at commit, so a transaction that touches many rows of one kind
(an import of 1,000 customers) leaves one coalesced row (entity_id None) instead of a flood.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import delete, event, func, insert, select
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from frontdesk.clock.now import utcnow
from frontdesk.db.change_kinds import BULK_KINDS, Noted, describe
from frontdesk.db.models import DeskChange

CHANNEL = "frontdesk_changes"
"""The PostgreSQL NOTIFY channel; its payload is the new DeskChange ids, comma-separated."""
PAYLOAD_LIMIT = 7_000
"""PostgreSQL refuses payloads over 8,000 bytes; past this the payload says "FIRST-LAST" instead."""
COALESCE_OVER = 20
"""More changes than this of one kind in one transaction become one change with no entity_id."""
KEEP_FOR = timedelta(days=1)
"""Terminals only need the recent feed (to catch up after a lost connection); older rows are pruned."""
TERMINAL = "terminal"
"""The session.info key naming the terminal whose session it is (set by Desk.session())."""
_PENDING = "frontdesk.pending_changes"


def install() -> None:
    """Listens on every Session; safe to call more than once."""
    for name, listener in (("after_flush", _gather), ("before_commit", _write),
                           ("after_transaction_end", _forget), ("do_orm_execute", _bulk)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def newest_id(session: Session) -> int:
    """The id of the newest change committed so far (0 on a new desk)."""
    return session.execute(select(func.coalesce(func.max(DeskChange.id), 0))).scalar_one()


def prune(session: Session) -> int:
    """Forgets change rows older than KEEP_FOR, always keeping the newest.

    Keeping the newest matters on SQLite: an emptied table would hand out ids from 1 again, and a
    terminal reading "ids after the last one I saw" would miss them.
    """
    newest = select(func.max(DeskChange.id)).scalar_subquery()
    result = session.execute(delete(DeskChange).where(DeskChange.at < utcnow() - KEEP_FOR, DeskChange.id < newest))
    session.commit()
    return result.rowcount or 0


def _pending(session: Session) -> dict[Noted, None]:
    """An insertion-ordered set: the same change noted twice (a note and its edit history) is written once."""
    return session.info.setdefault(_PENDING, {})


def _gather(session: Session, _flush_context) -> None:
    """After each flush, while the rows still know what changed in them (their attribute history)."""
    pending = _pending(session)
    for how, rows in (("created", session.new), ("updated", session.dirty), ("deleted", session.deleted)):
        for row in rows:
            for noted in describe(session, row, how):
                pending[noted] = None


def _bulk(state: ORMExecuteState) -> object | None:
    """`session.execute(delete(Terminal)...)` or a bulk `insert(Customer.__table__)` (an import) bypasses the
    flush: run it here and note a coalesced change."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return None
    kind = _bulk_kind(state)
    if kind is None:
        return None
    result = state.invoke_statement()
    if state.is_insert or getattr(result, "rowcount", 1):
        action = "left" if kind == "presence" and state.is_delete else "deleted" if state.is_delete else \
            "created" if state.is_insert else "changed"
        _pending(state.session)[Noted(kind, action)] = None
    return result


def _bulk_kind(state: ORMExecuteState) -> str | None:
    """By the model, or by the table for a Core statement (an import's inserts skip the ORM's per-row work)."""
    if state.bind_mapper is not None:
        return BULK_KINDS.get(state.bind_mapper.class_)
    table = getattr(state.statement, "table", None)
    return next((kind for model, kind in BULK_KINDS.items() if model.__table__ is table), None) if table is not None else None


def _write(session: Session) -> None:
    """Just before commit: everything flushed so far is written to the feed in the same transaction."""
    session.flush()
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    at, terminal = utcnow(), session.info.get(TERMINAL, "")
    rows = [dict(at=at, terminal=terminal, kind=noted.kind, action=noted.action, entity_id=noted.entity_id,
                 customer_id=noted.customer_id, interaction_id=noted.interaction_id) for noted in coalesced(pending)]
    connection = session.connection()
    table = DeskChange.__table__
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    ids = list(connection.execute(insert(table).returning(table.c.id), rows).scalars())
    connection.execute(select(func.pg_notify(CHANNEL, notify_payload(ids))))


def _forget(session: Session, transaction: SessionTransaction) -> None:
    """A rolled-back transaction's changes never happened."""
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


def coalesced(changes: Iterable[Noted]) -> list[Noted]:
    """Many changes of one kind become one: what is common to all of them, and no entity."""
    by_kind: dict[str, list[Noted]] = defaultdict(list)
    for noted in changes:
        by_kind[noted.kind].append(noted)
    written: list[Noted] = []
    for kind, group in by_kind.items():
        if len(group) <= COALESCE_OVER:
            written.extend(group)
            continue
        written.append(Noted(kind, _common(n.action for n in group) or "changed", None,
                             _common(n.customer_id for n in group), _common(n.interaction_id for n in group)))
    return written


def _common(values: Iterable[object]) -> object | None:
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


def notify_payload(ids: list[int]) -> str:
    payload = ",".join(map(str, ids))
    return payload if len(payload) <= PAYLOAD_LIMIT else f"{min(ids)}-{max(ids)}"
