"""Throwaway databases for tests: an SQLite file, or a fresh PostgreSQL database when a server is given."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from frontdesk.db import sqlite_url

PG_URL_VARIABLE = "FRONTDESK_TEST_PG_URL"
"""A PostgreSQL server to run the tests against as well, e.g. postgresql+psycopg://postgres@127.0.0.1/test."""

BACKENDS = ("sqlite", "postgresql")


def postgres_server() -> str | None:
    return os.environ.get(PG_URL_VARIABLE) or None


@contextmanager
def throwaway_database(backend: str, folder: Path, name: str = "desk") -> Iterator[str]:
    """A URL to an empty database that is gone afterwards; PostgreSQL gets one database per test."""
    if backend == "sqlite":
        yield sqlite_url(folder / f"{name}.sqlite")
        return
    server = postgres_server()
    if server is None:
        pytest.skip(f"PostgreSQL tests need a server: set {PG_URL_VARIABLE} (see README, For developers)")
    database = f"frontdesk_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    try:
        yield make_url(server).set(database=database).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()
