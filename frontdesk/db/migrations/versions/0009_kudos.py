"""kudos

Recognition sent by a supervisor to an agent, with what earned it and when the agent saw it.
A new table only: no existing row is touched.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('kudos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_agent_id', sa.Integer(), nullable=False),
    sa.Column('to_agent_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('source_kind', sa.String(length=20), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['from_agent_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['to_agent_id'], ['agent.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('kudos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kudos_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_kudos_from_agent_id'), ['from_agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kudos_to_agent_id'), ['to_agent_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('kudos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kudos_to_agent_id'))
        batch_op.drop_index(batch_op.f('ix_kudos_from_agent_id'))
        batch_op.drop_index(batch_op.f('ix_kudos_at'))
    op.drop_table('kudos')
