"""indexes for the supervisor's figures

The figures read a month of interactions, promises and due-time changes at a time, grouped in the
database. These indexes let them: a covering index over an interaction's started time and what the
figures count (so a month is read from the index alone), the repeat-contact check of first-contact
resolution (same customer, same category, soon after), promises by due time and callbacks by when
they were asked, and handoffs, mood readings and due-time changes by when they were made. No rows
are changed.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_interaction_figures', 'interaction',
                    ['started_at', 'owner_id', 'ended_at', 'outcome', 'satisfaction', 'summary_edited', 'escalated_at', 'customer_id',
                     'category'])
    op.create_index('ix_interaction_repeat', 'interaction', ['customer_id', 'category', 'started_at'])
    op.create_index('ix_promise_kind_created_at', 'promise', ['kind', 'created_at'])
    op.create_index('ix_promise_figures', 'promise', ['due_at', 'kind', 'owner_id', 'status', 'closed_at', 'kept_late'])
    op.create_index(op.f('ix_promisechange_at'), 'promisechange', ['at'])
    op.create_index(op.f('ix_handoff_at'), 'handoff', ['at'])
    op.create_index(op.f('ix_moodchange_at'), 'moodchange', ['at'])


def downgrade() -> None:
    op.drop_index(op.f('ix_moodchange_at'), table_name='moodchange')
    op.drop_index(op.f('ix_handoff_at'), table_name='handoff')
    op.drop_index(op.f('ix_promisechange_at'), table_name='promisechange')
    op.drop_index('ix_promise_figures', table_name='promise')
    op.drop_index('ix_promise_kind_created_at', table_name='promise')
    op.drop_index('ix_interaction_repeat', table_name='interaction')
    op.drop_index('ix_interaction_figures', table_name='interaction')
