"""solutions, goodwill and promise history

Existing interactions and promises keep their rows; the new columns start empty or false.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('solutionoption',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('gives', sa.Text(), nullable=False),
    sa.Column('limitations', sa.Text(), nullable=False),
    sa.Column('goodwill_cost', sa.Float(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('solutionoption', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_solutionoption_category'), ['category'], unique=False)

    op.create_table('solutionoffer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=True),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('gives', sa.Text(), nullable=False),
    sa.Column('limitations', sa.Text(), nullable=False),
    sa.Column('chosen', sa.Boolean(), nullable=False),
    sa.Column('offered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.ForeignKeyConstraint(['option_id'], ['solutionoption.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('solutionoffer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_solutionoffer_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_solutionoffer_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_solutionoffer_option_id'), ['option_id'], unique=False)

    op.create_table('goodwillgrant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('interaction_id', sa.Integer(), nullable=True),
    sa.Column('promise_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.Column('reason', sa.String(length=1000), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['approved_by_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.ForeignKeyConstraint(['promise_id'], ['promise.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('goodwillgrant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goodwillgrant_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goodwillgrant_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_goodwillgrant_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goodwillgrant_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goodwillgrant_promise_id'), ['promise_id'], unique=False)

    op.create_table('promisechange',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('promise_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('old_due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('new_due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('customer_told', sa.Boolean(), nullable=False),
    sa.Column('told_before_deadline', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['promise_id'], ['promise.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('promisechange', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_promisechange_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_promisechange_promise_id'), ['promise_id'], unique=False)

    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.add_column(sa.Column('solutions_declined', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('limitations_explained', sa.Boolean(), nullable=False, server_default=sa.false()))

    with op.batch_alter_table('promise', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tell_by', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('closing_note', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('kept_late', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('apology', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('make_good', sa.Text(), nullable=False, server_default=''))



def downgrade() -> None:
    with op.batch_alter_table('promise', schema=None) as batch_op:
        batch_op.drop_column('make_good')
        batch_op.drop_column('apology')
        batch_op.drop_column('kept_late')
        batch_op.drop_column('closing_note')
        batch_op.drop_column('tell_by')

    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_column('limitations_explained')
        batch_op.drop_column('solutions_declined')

    with op.batch_alter_table('promisechange', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promisechange_promise_id'))
        batch_op.drop_index(batch_op.f('ix_promisechange_agent_id'))

    op.drop_table('promisechange')
    with op.batch_alter_table('goodwillgrant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goodwillgrant_promise_id'))
        batch_op.drop_index(batch_op.f('ix_goodwillgrant_interaction_id'))
        batch_op.drop_index(batch_op.f('ix_goodwillgrant_customer_id'))
        batch_op.drop_index(batch_op.f('ix_goodwillgrant_at'))
        batch_op.drop_index(batch_op.f('ix_goodwillgrant_agent_id'))

    op.drop_table('goodwillgrant')
    with op.batch_alter_table('solutionoffer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_solutionoffer_option_id'))
        batch_op.drop_index(batch_op.f('ix_solutionoffer_interaction_id'))
        batch_op.drop_index(batch_op.f('ix_solutionoffer_agent_id'))

    op.drop_table('solutionoffer')
    with op.batch_alter_table('solutionoption', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_solutionoption_category'))

    op.drop_table('solutionoption')
