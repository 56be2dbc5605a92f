"""Hearing other terminals' commits on PostgreSQL: LISTEN, and the DeskChange ids each NOTIFY carries."""

from __future__ import annotations

from collections import deque
from time import monotonic

from frontdesk.db.change_log import CHANNEL
from frontdesk.services.changes import Change
from frontdesk.services.feed.watcher import COLUMNS, ChangeWatcher, Deliver, as_changes

WAIT = 0.25
"""Seconds one wait for notifications lasts, so `stop` is heard; a notification ends it at once."""
PING_AFTER = 5.0
"""Seconds of silence after which the connection is checked, so a vanished server is noticed."""
REREAD_WINDOW = 1_000
"""After a reconnection, the ids this far below the highest one seen are read again (see below)."""
APPLICATION_NAME = "frontdesk change feed"
"""How the watcher's connection shows in pg_stat_activity, one per running terminal."""
REMEMBERED = 10_000
"""Delivered ids kept, so a re-read or a range payload never delivers a change twice."""


class PostgresWatcher(ChangeWatcher):
    """Listens on CHANNEL from a psycopg 3 connection of its own, in autocommit mode.

    Why not "id > last seen", as on SQLite: PostgreSQL hands out sequence ids when rows are
    inserted, not when they are committed. A terminal whose transaction took id 10 can commit after
    one that took id 11; a reader that saw 11 and moved its mark past 10 would never see 10. So the
    writing transaction sends the ids it wrote in its NOTIFY (delivered exactly at its commit, in
    commit order), and the watcher reads exactly those rows. After a lost connection there is no
    NOTIFY for what was committed meanwhile: the watcher re-reads every id above (highest seen -
    REREAD_WINDOW) that it has not delivered, which covers transactions that committed late by
    up to that many ids, and the feed adds a reload-everything change for what it cannot vouch for.
    """

    def __init__(self, conninfo: str, deliver: Deliver, after: int | None = None) -> None:
        super().__init__(deliver, after)
        self.conninfo = conninfo
        self.highest = 0
        self.floor = 0
        """The mark the watcher started from: anything older was already on the screens."""
        self._connection = None
        self._delivered: set[int] = set()
        self._order: deque[int] = deque()
        self._heard_at = monotonic()

    def open(self) -> None:
        import psycopg  # only PostgreSQL desks need the driver

        self._connection = psycopg.connect(self.conninfo, autocommit=True, application_name=APPLICATION_NAME)
        self._connection.execute(f"LISTEN {CHANNEL}")  # before reading the newest id: nothing falls between

    def newest(self) -> int:
        return self._connection.execute("SELECT coalesce(max(id), 0) FROM deskchange").fetchone()[0]

    def start_from(self, mark: int) -> None:
        self.highest = self.floor = mark

    def catch_up(self) -> list[Change]:
        rows = self._connection.execute(f"SELECT {COLUMNS} FROM deskchange WHERE id > %s ORDER BY id",
                                        (max(self.floor, self.highest - REREAD_WINDOW),))
        return self._fresh(as_changes(rows.fetchall()))

    def wait_for_changes(self) -> list[Change]:
        notes = list(self._connection.notifies(timeout=WAIT, stop_after=1))
        if not notes:
            if monotonic() - self._heard_at > PING_AFTER:
                self._connection.execute("SELECT 1")
                self._heard_at = monotonic()
            return []
        notes += self._connection.notifies(timeout=0)  # the rest of a burst, without waiting
        self._heard_at = monotonic()
        return self._read(note.payload for note in notes)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _read(self, payloads) -> list[Change]:
        ids: list[int] = []
        ranges: list[tuple[int, int]] = []
        for payload in payloads:
            if "-" in payload:
                first, last = payload.split("-")
                ranges.append((int(first), int(last)))
            elif payload:
                ids.extend(int(part) for part in payload.split(","))
        where = " OR ".join(["id = ANY(%s)", *["id BETWEEN %s AND %s"] * len(ranges)])
        parameters = [ids, *(bound for pair in ranges for bound in pair)]
        rows = self._connection.execute(f"SELECT {COLUMNS} FROM deskchange WHERE {where} ORDER BY id", parameters)
        return self._fresh(as_changes(rows.fetchall()))

    def _fresh(self, changes: list[Change]) -> list[Change]:
        """Those not delivered before; remembers them (a bounded memory of the latest ids)."""
        fresh = [change for change in changes if change.id not in self._delivered]
        for change in fresh:
            self._delivered.add(change.id)
            self._order.append(change.id)
            self.highest = max(self.highest, change.id)
        while len(self._order) > REMEMBERED:
            self._delivered.discard(self._order.popleft())
        return fresh
