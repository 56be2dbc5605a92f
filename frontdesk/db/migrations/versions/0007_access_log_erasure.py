"""access log, erased customers

A table recording who opened which customer's record, when, from which terminal and why, and a
column marking a customer erased on request (the row stays, pseudonymised). Existing customers are
not erased; nothing is copied or dropped.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('customeraccess',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('desk_name', sa.String(length=120), nullable=False),
    sa.Column('terminal_id', sa.String(length=64), nullable=False),
    sa.Column('purpose', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('customeraccess', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customeraccess_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customeraccess_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_customeraccess_customer_id'), ['customer_id'], unique=False)

    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('erased_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_column('erased_at')

    with op.batch_alter_table('customeraccess', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customeraccess_customer_id'))
        batch_op.drop_index(batch_op.f('ix_customeraccess_at'))
        batch_op.drop_index(batch_op.f('ix_customeraccess_agent_id'))

    op.drop_table('customeraccess')
