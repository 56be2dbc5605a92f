"""change feed, terminals, row versions

A table of committed changes for the other terminals to follow, a table of open terminals (presence),
and a version counter on customers, notes and promises for optimistic edits. Existing rows start at
version 1; nothing is copied or dropped.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('deskchange',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('terminal', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('interaction_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('deskchange', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deskchange_at'), ['at'], unique=False)

    op.create_table('terminal',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('desk_name', sa.String(length=120), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('interaction_id', sa.Integer(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('terminal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_terminal_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_terminal_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_terminal_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_terminal_seen_at'), ['seen_at'], unique=False)

    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))

    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))

    with op.batch_alter_table('promise', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('promise', schema=None) as batch_op:
        batch_op.drop_column('version')

    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_column('version')

    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_column('version')

    with op.batch_alter_table('terminal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_terminal_seen_at'))
        batch_op.drop_index(batch_op.f('ix_terminal_interaction_id'))
        batch_op.drop_index(batch_op.f('ix_terminal_customer_id'))
        batch_op.drop_index(batch_op.f('ix_terminal_agent_id'))

    op.drop_table('terminal')
    with op.batch_alter_table('deskchange', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deskchange_at'))

    op.drop_table('deskchange')
