"""Throwaway databases for tests: an SQLite file, or a fresh PostgreSQL database when a server is given."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from frontdesk.db import sqlite_url

PG_URL_VARIABLE = "FRONTDESK_TEST_PG_URL"
"""A PostgreSQL server to run the tests against as well, e.g. postgresql+psycopg://postgres@127.0.0.1/test."""

BACKENDS = ("sqlite", "postgresql")


def postgres_server() -> str | None:
    return os.environ.get(PG_URL_VARIABLE) or None


def _admin() -> Engine:
    server = postgres_server()
    if server is None:
        pytest.skip(f"PostgreSQL tests need a server: set {PG_URL_VARIABLE} (see README, For developers)")
    return create_engine(server, isolation_level="AUTOCOMMIT")


def _database_url(database: str) -> str:
    return make_url(postgres_server()).set(database=database).render_as_string(hide_password=False)


def _new_database_name() -> str:
    return f"frontdesk_test_{uuid.uuid4().hex[:16]}"


@contextmanager
def throwaway_database(backend: str, folder: Path, name: str = "desk", copy_of: str | None = None) -> Iterator[str]:
    """A URL to a database that is gone afterwards: empty, or a copy of a template from `Templates` (`copy_of`).
    PostgreSQL gets one database per test."""
    if backend == "sqlite":
        if copy_of is not None:
            shutil.copyfile(copy_of, folder / f"{name}.sqlite")
        yield sqlite_url(folder / f"{name}.sqlite")
        return
    admin = _admin()
    database = _new_database_name()
    template = f' TEMPLATE "{copy_of}"' if copy_of is not None else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"{template}'))
    try:
        yield _database_url(database)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


class Templates:
    """Databases prepared once per test process and copied for each test that wants one, so a test starts from a
    migrated (or seeded) database without running every migration again: an SQLite file copied, or a PostgreSQL
    database created with `CREATE DATABASE ... TEMPLATE`. Tests about migrations start from an empty database."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._made: dict[tuple[str, str], str] = {}
        self.databases: set[str] = set()
        """The templates' own databases (file paths, PostgreSQL names): not any test's database."""

    def template(self, backend: str, name: str, prepare: Callable[[str], None]) -> str:
        """The template called `name`, made by `prepare(url)` the first time it is asked for; what
        `throwaway_database(copy_of=...)` copies. `prepare` must leave no connection open."""
        key = (backend, name)
        if key not in self._made:
            self._made[key] = self._make(backend, name, prepare)
        return self._made[key]

    def _make(self, backend: str, name: str, prepare: Callable[[str], None]) -> str:
        if backend == "sqlite":
            path = self.folder / f"{name}-template.sqlite"
            self.databases.add(str(path))
            prepare(sqlite_url(path))
            return str(path)
        admin = _admin()
        database = _new_database_name()
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{database}"'))
        admin.dispose()
        self.databases.add(database)
        prepare(_database_url(database))
        return database

    def drop(self) -> None:
        """Drops the PostgreSQL templates (SQLite's go with the test process's temporary folder)."""
        databases = [made for (backend, _), made in self._made.items() if backend != "sqlite"]
        if not databases:
            return
        admin = _admin()
        with admin.connect() as connection:
            for database in databases:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()
