"""The part every change watcher shares: its own thread and connection, delivery, and reconnecting."""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from frontdesk.services.changes import Change, reload_everything

Deliver = Callable[[list[Change]], None]
"""Called on the watcher's thread with each batch of committed changes, oldest first."""

RETRY_EVERY = 1.0
"""Seconds between attempts to reach a database that stopped answering."""

COLUMNS = "id, kind, action, entity_id, customer_id, interaction_id, terminal, at"
"""What a watcher reads of each DeskChange row, in Change's order (plain SQL on its own connection)."""

log = logging.getLogger(__name__)


class ChangeWatcher(ABC):
    """Hears committed changes on a dedicated connection, in a daemon thread, and hands them on.

    One per process: never on the UI thread, never on the engine's pool (a pooled connection would
    be shared with screens' work and could not wait on the database for long). A lost connection is
    retried every RETRY_EVERY seconds; once back, what was committed meanwhile is read again, and
    `reload_everything()` is delivered too, since the watcher cannot vouch that nothing was missed.
    """

    def __init__(self, deliver: Deliver, after: int | None = None) -> None:
        self.deliver = deliver
        self.after = after
        """The newest change the screens may already show (read before they first loaded); None: whatever is newest
        when the watcher first connects. Changes committed after it and before the connection are delivered."""
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"frontdesk-{type(self).__name__}", daemon=True)
        self.connected = threading.Event()
        """Set while the watcher is listening: a change committed after this is heard."""
        self.delivered_up_to = 0
        """The newest change id handed on, or the mark it started after: every change up to it has been delivered
        (tests wait for it to pass what they committed before they look at the screens)."""

    def start(self) -> ChangeWatcher:
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        self._stopping.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def _run(self) -> None:
        started = missed = False
        while not self.stopping:
            try:
                self.open()
                if not started:
                    mark = self.newest() if self.after is None else self.after
                    self.start_from(mark)
                    self.delivered_up_to = max(self.delivered_up_to, mark)
                caught_up = self.catch_up()
                self.connected.set()
                self._hand_on([*caught_up, reload_everything()] if missed else caught_up)
                started, missed = True, False
                while not self.stopping:
                    self._hand_on(self.wait_for_changes())
            except Exception as error:  # any driver error means the connection is gone: open a new one
                missed = True
                if not self.stopping:
                    log.warning("The change feed lost the database (%s); retrying every %.0f s.", error, RETRY_EVERY)
            finally:
                self.connected.clear()
                self._close_quietly()
            self._stopping.wait(RETRY_EVERY)

    def _hand_on(self, changes: list[Change]) -> None:
        if not changes or self.stopping:
            return
        try:
            self.deliver(changes)
        except Exception:  # a listener's bug must not stop the desk hearing changes
            log.exception("A change feed listener failed")
        self.delivered_up_to = max(self.delivered_up_to, *(change.id for change in changes))

    def _close_quietly(self) -> None:
        try:
            self.close()
        except Exception:  # closing a connection that is already broken
            pass

    @abstractmethod
    def open(self) -> None:
        """Opens the dedicated connection (and starts listening, where the database needs that)."""

    @abstractmethod
    def newest(self) -> int:
        """The id of the newest change committed so far (0 on a new desk)."""

    @abstractmethod
    def start_from(self, mark: int) -> None:
        """At first connection: changes with ids after `mark` are the ones to deliver."""

    @abstractmethod
    def catch_up(self) -> list[Change]:
        """Changes committed before the connection and not delivered yet: since `mark`, or while it was gone."""

    @abstractmethod
    def wait_for_changes(self) -> list[Change]:
        """Waits a short while (so `stop` is heard) and returns what was committed meanwhile."""

    @abstractmethod
    def close(self) -> None: ...


def as_changes(rows: Iterable[tuple]) -> list[Change]:
    """Rows of COLUMNS, from any driver, as Change values (times in UTC, like every stored time)."""
    return [Change(row[0], row[1], row[2], row[3], row[4], row[5], row[6] or "", _moment(row[7])) for row in rows]


def _moment(value: object) -> datetime | None:
    """SQLite hands back the stored text, PostgreSQL a datetime."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
