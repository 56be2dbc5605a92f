"""The database layer: schema creation, upgrades in place, SQLite settings, and clear failures."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, func, select

from frontdesk.db import DatabaseError, open_database, sqlite_url
from frontdesk.db.migrate import current_revision, upgrade_to_head
from frontdesk.db.engine import make_engine
from frontdesk.db.models import Agent, Customer, Interaction, Note, Promise


def test_a_new_database_gets_the_whole_schema(db_url: str) -> None:
    engine = open_database(db_url)
    tables = set(inspect(engine).get_table_names())
    assert {"agent", "customer", "customeralias", "interaction", "note", "promise", "auditevent", "alembic_version"} <= tables
    assert current_revision(engine) is not None
    engine.dispose()


def test_the_migrations_build_exactly_the_tables_the_models_describe(db_url: str) -> None:
    """Alembic finds nothing to autogenerate: no table, column, type, index or key differs from the models.

    Server defaults are not compared, as `alembic revision --autogenerate` does not compare them:
    migrations that add a column give it one (so existing rows get a value) that the models need not repeat.
    """
    engine = open_database(db_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()


def test_the_models_state_the_same_checks_as_the_migrated_tables(db_url: str) -> None:
    """compare_metadata does not compare CHECK constraints, so a model that lost its own (say, a second
    `__table_args__` replacing the first) would go unnoticed; the names must match table by table."""
    engine = open_database(db_url)
    inspector = inspect(engine)
    migrated = {table: {check["name"] for check in inspector.get_check_constraints(table)}
                for table in SQLModel.metadata.tables}
    modelled = {name: {constraint.name for constraint in table.constraints
                       if isinstance(constraint, CheckConstraint)}
                for name, table in SQLModel.metadata.tables.items()}
    engine.dispose()
    assert modelled == migrated


def test_sqlite_is_set_up_for_two_terminals_and_power_cuts(db_path: Path) -> None:
    engine = open_database(sqlite_url(db_path))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: synced at every commit
    engine.dispose()


def test_postgresql_sessions_give_up_waiting_for_a_lock_in_5_seconds(db_url: str, backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL's own settings")
    engine = open_database(db_url)
    with engine.connect() as connection:
        settings = {name: connection.exec_driver_sql(f"SHOW {name}").scalar()
                    for name in ("lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout")}
    assert settings == {"lock_timeout": "5s", "statement_timeout": "1min", "idle_in_transaction_session_timeout": "1min"}
    engine.dispose()


def test_foreign_keys_are_enforced(db_url: str) -> None:
    engine = open_database(db_url)
    with Session(engine) as session:
        session.add(Note(interaction_id=999, agent_id=999, text="orphan"))
        with pytest.raises(IntegrityError, match="(?i)foreign key"):
            session.commit()
    engine.dispose()


OLD_ROWS = """
INSERT INTO agent (id, name, role, active, created_at) VALUES (1, 'Eleni', 'agent', 1, '2026-01-05 09:00:00');
INSERT INTO customer (id, honorific, given_name, family_name, preferred_address, pronunciation, phones, email,
    street, city, language, preferences, created_at, updated_at, created_by_id)
    VALUES (1, 'κα', 'Ελένη', 'Παπαδοπούλου', '', '', '["+30 69 123 4567"]', '', 'οδός Ερμού 5', '', 'el', '',
    '2026-01-05 09:00:00', '2026-01-05 09:00:00', 1);
INSERT INTO interaction (id, customer_id, channel, reason, owner_id, created_by_id, started_at, outcome, summary)
    VALUES (1, 1, 'phone', 'Ραντεβού', 1, 1, '2026-01-05 09:10:00', 'resolved', '');
INSERT INTO note (id, interaction_id, agent_id, created_at, text, verbatim)
    VALUES (1, 1, 1, '2026-01-05 09:11:00', 'Θέλει ραντεβού', 0);
INSERT INTO promise (id, customer_id, interaction_id, what, due_at, owner_id, created_by_id, status, created_at)
    VALUES (1, 1, 1, 'Call back', '2026-01-06 10:00:00', 1, 1, 'open', '2026-01-05 09:12:00');
"""


def test_an_old_database_is_upgraded_in_place_and_keeps_its_rows(db_path: Path) -> None:
    """A file made by the first migration, with rows written as that version wrote them, upgrades intact."""
    old = make_engine(sqlite_url(db_path))
    upgrade_to_head(old, revision="0001")
    old.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.executescript(OLD_ROWS)

    engine = open_database(sqlite_url(db_path))
    with Session(engine) as session:
        counts = [session.exec(select(func.count()).select_from(t)).one() for t in (Agent, Customer, Interaction, Note, Promise)]
        assert counts == [1, 1, 1, 1, 1]
        assert session.exec(select(Customer)).one().family_name == "Παπαδοπούλου"
        assert session.exec(select(Customer)).one().phones == ["+30 69 123 4567"]
        assert session.exec(select(Note)).one().text == "Θέλει ραντεβού"
        promise = session.exec(select(Promise)).one()
        assert (promise.kind, promise.what, promise.status) == ("promise", "Call back", "open")
        assert (promise.kept_late, promise.apology, promise.tell_by) == (False, "", "")
        agent = session.exec(select(Agent)).one()
        assert (agent.secret_hash, agent.failed_tries, agent.locked_until) == (None, 0, None)  # a supervisor sets it up
        interaction = session.exec(select(Interaction)).one()
        assert (interaction.category, interaction.courtesy, interaction.outcome) == ("", [], "resolved")


def test_a_new_database_file_and_its_journal_are_readable_by_the_owner_only(db_path: Path) -> None:
    engine = open_database(sqlite_url(db_path))
    with engine.connect() as connection:  # an open connection keeps the WAL and shared-memory files
        connection.execute(text("SELECT count(*) FROM agent"))
        files = [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")]
        assert {file.name: stat.S_IMODE(file.stat().st_mode) for file in files} == {file.name: 0o600 for file in files}
    engine.dispose()


def test_a_database_from_a_newer_frontdesk_is_refused_untouched(db_path: Path) -> None:
    open_database(sqlite_url(db_path)).dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(DatabaseError, match="newer version of frontdesk"):
        open_database(sqlite_url(db_path))
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_from_the_future",)


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("this is a shopping list, not a database\n" * 100)
    with pytest.raises(DatabaseError, match="not a frontdesk database"):
        open_database(sqlite_url(path))
    assert path.read_text().startswith("this is a shopping list")


def test_a_folder_as_database_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(sqlite_url(tmp_path))


def test_a_read_only_database_is_refused_at_start(db_path: Path) -> None:
    open_database(sqlite_url(db_path)).dispose()
    with pytest.raises(DatabaseError, match="read-only"):
        open_database(f"sqlite:///file:{db_path}?mode=ro&uri=true")


def test_a_path_under_a_file_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="Cannot create the folder"):
        open_database(sqlite_url(blocker / "desk.sqlite"))


def test_a_malformed_url_is_refused() -> None:
    with pytest.raises(DatabaseError, match="not a database URL"):
        open_database("this is not a url")


def test_a_port_that_is_not_a_number_is_refused_without_showing_the_password() -> None:
    with pytest.raises(DatabaseError, match="port must be a number") as refused:
        open_database("postgresql+psycopg://desk:s3cret@server:abc/frontdesk")
    assert "s3cret" not in str(refused.value)


BROKEN_RULES = [
    ("UPDATE agent SET role = 'boss'", "ck_agent_role"),
    ("UPDATE interaction SET channel = 'fax'", "ck_interaction_channel"),
    ("UPDATE interaction SET outcome = 'solved'", "ck_interaction_outcome"),
    ("UPDATE interaction SET satisfaction = 6", "ck_interaction_satisfaction"),
    ("UPDATE interaction SET satisfaction = 0", "ck_interaction_satisfaction"),
    ("INSERT INTO moodchange (interaction_id, agent_id, mood, at) SELECT id, owner_id, 'sleepy', started_at FROM interaction",
     "ck_moodchange_mood"),
    ("UPDATE promise SET status = 'broken'", "ck_promise_status"),
    ("UPDATE promise SET kind = 'wish'", "ck_promise_kind"),
    ("UPDATE goodwillgrant SET kind = 'bribe'", "ck_goodwillgrant_kind"),
    ("UPDATE goodwillgrant SET amount_cents = -1", "ck_goodwillgrant_amount_cents"),
    ("UPDATE goodwillgrant SET amount_cents = 100000000000", "ck_goodwillgrant_amount_cents"),
    ("UPDATE solutionoption SET goodwill_cost_cents = -1", "ck_solutionoption_goodwill_cost_cents"),
]


@pytest.mark.parametrize(("statement", "rule"), BROKEN_RULES, ids=[rule for _, rule in BROKEN_RULES])
def test_the_schema_refuses_values_its_columns_cannot_hold(demo_url: str, statement: str, rule: str) -> None:
    """A script or a bug writing past the services still cannot store a value the desk has no meaning for."""
    engine = open_database(demo_url)
    words = statement.split()
    table = words[words.index("FROM") + 1] if "FROM" in words else words[1]
    with engine.connect() as connection:
        assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() > 0, "the demo desk has such rows"
        with pytest.raises(IntegrityError, match=rule):
            connection.execute(text(statement))
    engine.dispose()
