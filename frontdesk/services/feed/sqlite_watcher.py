"""Hearing other terminals' commits on SQLite: `PRAGMA data_version`, then the new DeskChange rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from frontdesk.db.engine import BUSY_TIMEOUT_MS
from frontdesk.services.changes import Change
from frontdesk.services.feed.watcher import COLUMNS, ChangeWatcher, Deliver, as_changes

CHECK_EVERY = 0.1
"""Seconds between looks at data_version: a few microseconds each, and a change is heard within this."""


class SQLiteWatcher(ChangeWatcher):
    """Watches one SQLite file from a connection of its own.

    `PRAGMA data_version` on a connection changes whenever any other connection (another process,
    or this process's pool) commits to the file; it costs no read of any table. Only then are the
    DeskChange rows after the last one seen read. On SQLite, ids are handed out under the single
    write lock and are committed in order, so "id > last seen" misses nothing (the pruning keeps the
    newest row, so ids are never handed out again).
    """

    def __init__(self, path: str, deliver: Deliver, after: int | None = None) -> None:
        super().__init__(deliver, after)
        self.path = path
        self.last_seen = 0
        self._connection: sqlite3.Connection | None = None
        self._version: int | None = None

    def open(self) -> None:
        self._connection = sqlite3.connect(_existing(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                           check_same_thread=False, uri=True)
        self._version = self._data_version()

    def newest(self) -> int:
        return self._connection.execute("SELECT coalesce(max(id), 0) FROM deskchange").fetchone()[0]

    def start_from(self, mark: int) -> None:
        self.last_seen = mark

    def catch_up(self) -> list[Change]:
        newest = self.newest()
        if newest < self.last_seen:  # another file took this one's place: its feed starts over
            self.last_seen = newest
            return []
        return self._read_new()

    def wait_for_changes(self) -> list[Change]:
        self._stopping.wait(CHECK_EVERY)
        version = self._data_version()
        if version == self._version:
            return []
        self._version = version  # taken before reading: a commit after it is heard at the next look
        return self._read_new()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _data_version(self) -> int:
        return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def _read_new(self) -> list[Change]:
        rows = self._connection.execute(f"SELECT {COLUMNS} FROM deskchange WHERE id > ? ORDER BY id", (self.last_seen,))
        changes = as_changes(rows.fetchall())
        if changes:
            self.last_seen = changes[-1].id
        return changes


def _existing(path: str) -> str:
    """A URI that opens the file only if it is there: a moved database must not be replaced by an empty one."""
    return path if path.startswith("file:") else f"{Path(path).absolute().as_uri()}?mode=rw"
