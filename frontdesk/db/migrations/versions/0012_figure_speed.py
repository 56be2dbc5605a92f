"""covering indexes for the figures' callbacks, handoffs and mood readings

A month of figures read callbacks by when they were asked, handoffs and mood readings by when they
were made, each row then fetched from its table. These three indexes carry the columns the figures
read, so a month is read from the index alone; each replaces the narrower index it extends. On
PostgreSQL the interactions' figures index also carries the id (SQLite keeps it in every index), so
joining a month's handoffs and mood readings to their contacts reads no table rows either. No rows
are changed.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-28
"""

from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

WIDENED = (
    # (table, narrow index of 0008, its columns, covering index, its columns)
    ('promise', 'ix_promise_kind_created_at', ['kind', 'created_at'],
     'ix_promise_callbacks', ['kind', 'created_at', 'owner_id', 'status', 'closed_at']),
    ('handoff', 'ix_handoff_at', ['at'], 'ix_handoff_figures', ['at', 'interaction_id', 'from_agent_id', 'to_agent_id']),
    ('moodchange', 'ix_moodchange_at', ['at'], 'ix_moodchange_figures', ['at', 'interaction_id', 'mood', 'id']),
)


INTERACTION_FIGURES = ['started_at', 'owner_id', 'ended_at', 'outcome', 'satisfaction', 'summary_edited', 'escalated_at',
                       'customer_id', 'category']
"""ix_interaction_figures of 0008, unchanged but for the id on PostgreSQL."""


def upgrade() -> None:
    for table, narrow, _, covering, columns in WIDENED:
        op.create_index(covering, table, columns)
        op.drop_index(narrow, table_name=table)
    if op.get_bind().dialect.name == 'postgresql':
        _rebuild_interaction_figures(postgresql_include=['id'])


def downgrade() -> None:
    for table, narrow, columns, covering, _ in WIDENED:
        op.create_index(narrow, table, columns)
        op.drop_index(covering, table_name=table)
    if op.get_bind().dialect.name == 'postgresql':
        _rebuild_interaction_figures()


def _rebuild_interaction_figures(**options) -> None:
    op.drop_index('ix_interaction_figures', table_name='interaction')
    op.create_index('ix_interaction_figures', 'interaction', INTERACTION_FIGURES, **options)
