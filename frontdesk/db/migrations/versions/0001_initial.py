"""create the desk's tables

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('agent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agent_active'), ['active'], unique=False)
        batch_op.create_index(batch_op.f('ix_agent_name'), ['name'], unique=True)

    op.create_table('auditevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('auditevent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auditevent_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_auditevent_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_auditevent_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_auditevent_entity_id'), ['entity_id'], unique=False)

    op.create_table('customer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('honorific', sa.String(length=40), nullable=False),
    sa.Column('given_name', sa.String(length=200), nullable=False),
    sa.Column('family_name', sa.String(length=200), nullable=False),
    sa.Column('preferred_address', sa.String(length=200), nullable=False),
    sa.Column('pronunciation', sa.String(length=200), nullable=False),
    sa.Column('phones', sa.JSON(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('street', sa.String(length=300), nullable=False),
    sa.Column('city', sa.String(length=120), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=20), nullable=False),
    sa.Column('preferences', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['merged_into_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_family_name'), ['family_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_merged_into_id'), ['merged_into_id'], unique=False)

    op.create_table('customeralias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=400), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('customeralias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customeralias_customer_id'), ['customer_id'], unique=False)

    op.create_table('interaction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('outcome', sa.String(length=40), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.ForeignKeyConstraint(['owner_id'], ['agent.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_ended_at'), ['ended_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_started_at'), ['started_at'], unique=False)

    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('verbatim', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_interaction_id'), ['interaction_id'], unique=False)

    op.create_table('promise',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=True),
    sa.Column('what', sa.String(length=1000), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.ForeignKeyConstraint(['owner_id'], ['agent.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('promise', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_promise_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_promise_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_promise_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_promise_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_promise_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_promise_status'), ['status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('promise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promise_status'))
        batch_op.drop_index(batch_op.f('ix_promise_owner_id'))
        batch_op.drop_index(batch_op.f('ix_promise_interaction_id'))
        batch_op.drop_index(batch_op.f('ix_promise_due_at'))
        batch_op.drop_index(batch_op.f('ix_promise_customer_id'))
        batch_op.drop_index(batch_op.f('ix_promise_created_by_id'))

    op.drop_table('promise')
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_interaction_id'))
        batch_op.drop_index(batch_op.f('ix_note_created_at'))
        batch_op.drop_index(batch_op.f('ix_note_agent_id'))

    op.drop_table('note')
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_started_at'))
        batch_op.drop_index(batch_op.f('ix_interaction_owner_id'))
        batch_op.drop_index(batch_op.f('ix_interaction_ended_at'))
        batch_op.drop_index(batch_op.f('ix_interaction_customer_id'))
        batch_op.drop_index(batch_op.f('ix_interaction_created_by_id'))

    op.drop_table('interaction')
    with op.batch_alter_table('customeralias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customeralias_customer_id'))

    op.drop_table('customeralias')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_merged_into_id'))
        batch_op.drop_index(batch_op.f('ix_customer_family_name'))
        batch_op.drop_index(batch_op.f('ix_customer_created_by_id'))

    op.drop_table('customer')
    with op.batch_alter_table('auditevent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auditevent_entity_id'))
        batch_op.drop_index(batch_op.f('ix_auditevent_at'))
        batch_op.drop_index(batch_op.f('ix_auditevent_agent_id'))
        batch_op.drop_index(batch_op.f('ix_auditevent_action'))

    op.drop_table('auditevent')
    with op.batch_alter_table('agent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agent_name'))
        batch_op.drop_index(batch_op.f('ix_agent_active'))

    op.drop_table('agent')
