"""After an erasure: the old text must not survive in SQLite's free pages or its write-ahead log."""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine


def scrub_freed_pages(engine: Engine) -> bool:
    """Rewrites an SQLite file without its free space and empties its WAL; True when the WAL was emptied.

    An UPDATE leaves the old bytes in the WAL until a checkpoint, and in the page's free space or on
    the freelist after it; VACUUM rebuilds every page from the live rows only, and a TRUNCATE checkpoint
    copies that into the file and cuts the WAL to nothing. It takes the write lock for as long as the
    rebuild lasts (other terminals wait, up to their busy timeout). A terminal in the middle of a long
    read can keep the WAL from being emptied, or a long write keep VACUUM from starting: then False,
    and the next erasure finishes the job.
    PostgreSQL keeps old row versions in its own files until VACUUM reuses them, which is the server's
    business (see README, Requests from customers); nothing is done here.
    """
    if engine.dialect.name != "sqlite":
        return True
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("VACUUM")
        busy, _log, _copied = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        cursor.close()
        return busy == 0
    except sqlite3.OperationalError:  # another terminal held the database past the busy timeout
        return False
    finally:
        connection.close()
