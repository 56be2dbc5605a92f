"""The desk-wide change feed, heard: every terminal learns within a second what any terminal committed.

`watcher_for(engine, deliver)` picks the way to listen for the database (SQLite's data_version,
PostgreSQL's LISTEN); `DeskFeed` is a running terminal's ear (watcher, lookup index kept in step,
then its listener); `Heartbeat` keeps the terminal on the presence list.
"""

from frontdesk.services.feed.desk_feed import DeskFeed, watcher_for
from frontdesk.services.feed.heartbeat import Heartbeat

__all__ = ["DeskFeed", "Heartbeat", "watcher_for"]
