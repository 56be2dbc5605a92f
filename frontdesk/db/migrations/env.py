"""Alembic's entry point: migrates the connection frontdesk hands over, or the configured URL."""

from alembic import context
from sqlalchemy import create_engine

from frontdesk.db import models  # noqa: F401  (registers the tables on the metadata)
from sqlmodel import SQLModel

target_metadata = SQLModel.metadata


def run_with(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.begin() as owned:
        run_with(owned)


run_online()
