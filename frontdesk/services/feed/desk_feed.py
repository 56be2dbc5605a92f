"""A terminal's ear on the desk: one watcher, the lookup index kept in step, then the listener told."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from frontdesk.services.changes import Change
from frontdesk.services.desk import Desk
from frontdesk.services.errors import DeskUnavailable
from frontdesk.services.feed.postgres_watcher import PostgresWatcher
from frontdesk.services.feed.sqlite_watcher import SQLiteWatcher
from frontdesk.services.feed.watcher import ChangeWatcher, Deliver

log = logging.getLogger(__name__)


def watcher_for(engine: Engine, deliver: Deliver, after: int | None = None) -> ChangeWatcher | None:
    """The watcher for this engine's database; None for an in-memory SQLite one, which no one else can share."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return SQLiteWatcher(url.database, deliver, after) if url.database not in (None, "", ":memory:") else None
    if url.get_backend_name() == "postgresql":
        return PostgresWatcher(url.set(drivername="postgresql").render_as_string(hide_password=False), deliver, after)
    raise ValueError(f"No change feed for {url.get_backend_name()} databases.")


class DeskFeed:
    """Hears every committed change (this terminal's too) and tells `listener`, on the watcher's thread.

    Customers created, edited or merged anywhere are applied to `desk.directory` first, so a search
    made as soon as the listener hears of a new customer finds them.
    """

    def __init__(self, desk: Desk, listener: Deliver) -> None:
        self.desk = desk
        self.listener = listener
        self.watcher = watcher_for(desk.engine, self._heard, desk.heard_up_to)
        self._unfollowed: list[Change] = []
        """Customer changes the index could not read yet (the pool lost the database); tried again next time."""

    def start(self) -> DeskFeed:
        if self.watcher is not None:
            self.watcher.start()
        return self

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()

    def wait_connected(self, timeout: float) -> bool:
        """True once changes committed from now on will be heard (tests wait for this before writing)."""
        return self.watcher is None or self.watcher.connected.wait(timeout)

    def _heard(self, changes: list[Change]) -> None:
        touching = [*self._unfollowed, *(change for change in changes if change.kind == "customer" or change.everything)]
        if touching:
            try:
                with self.desk.reading() as session:
                    self.desk.directory.follow_changes(session, touching)
                self._unfollowed = []
            except DeskUnavailable as error:
                log.warning("The lookup index will follow %d changes later: %s", len(touching), error)
                self._unfollowed = touching
        self.listener(changes)
