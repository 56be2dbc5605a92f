"""calls: notes history, drafts, moods, handoffs, callbacks

Existing interactions and promises keep their rows: new columns get defaults (an existing promise
is a plain promise), and the reason categories a desk starts with are added.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


DEFAULT_CATEGORIES = (
    "Appointment", "Test results", "Billing", "Order or delivery", "Refund or exchange",
    "Prescription", "Complaint", "Information", "Other",
)

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('desksetting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.String(length=2000), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    categories = op.create_table('reasoncategory',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.bulk_insert(categories, [{"name": name, "active": True} for name in DEFAULT_CATEGORIES])
    op.create_table('handoff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('from_agent_id', sa.Integer(), nullable=False),
    sa.Column('to_agent_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['from_agent_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.ForeignKeyConstraint(['to_agent_id'], ['agent.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('handoff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handoff_from_agent_id'), ['from_agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handoff_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handoff_to_agent_id'), ['to_agent_id'], unique=False)

    op.create_table('moodchange',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('mood', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('moodchange', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moodchange_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_moodchange_interaction_id'), ['interaction_id'], unique=False)

    op.create_table('notedraft',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('verbatim', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('interaction_id', 'agent_id')
    )
    with op.batch_alter_table('notedraft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notedraft_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notedraft_interaction_id'), ['interaction_id'], unique=False)

    op.create_table('noteedit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('note_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('previous_text', sa.Text(), nullable=False),
    sa.Column('previous_verbatim', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], ),
    sa.ForeignKeyConstraint(['note_id'], ['note.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('noteedit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_noteedit_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_noteedit_note_id'), ['note_id'], unique=False)

    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category', sa.String(length=80), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('summary_edited', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('escalation_reason', sa.String(length=500), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('satisfaction', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('satisfaction_comment', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('satisfaction_asked', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('courtesy', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.create_index(batch_op.f('ix_interaction_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_escalated_at'), ['escalated_at'], unique=False)

    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.add_column(sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('promise', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='promise'))
        batch_op.add_column(sa.Column('contact', sa.String(length=120), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('details', sa.Text(), nullable=False, server_default=''))
        batch_op.alter_column('customer_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.create_index(batch_op.f('ix_promise_kind'), ['kind'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('promise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promise_kind'))
        batch_op.alter_column('customer_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.drop_column('details')
        batch_op.drop_column('contact')
        batch_op.drop_column('kind')

    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_column('edited_at')

    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_escalated_at'))
        batch_op.drop_index(batch_op.f('ix_interaction_category'))
        batch_op.drop_column('courtesy')
        batch_op.drop_column('satisfaction_asked')
        batch_op.drop_column('satisfaction_comment')
        batch_op.drop_column('satisfaction')
        batch_op.drop_column('escalation_reason')
        batch_op.drop_column('escalated_at')
        batch_op.drop_column('summary_edited')
        batch_op.drop_column('category')

    with op.batch_alter_table('noteedit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_noteedit_note_id'))
        batch_op.drop_index(batch_op.f('ix_noteedit_agent_id'))

    op.drop_table('noteedit')
    with op.batch_alter_table('notedraft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notedraft_interaction_id'))
        batch_op.drop_index(batch_op.f('ix_notedraft_agent_id'))

    op.drop_table('notedraft')
    with op.batch_alter_table('moodchange', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moodchange_interaction_id'))
        batch_op.drop_index(batch_op.f('ix_moodchange_agent_id'))

    op.drop_table('moodchange')
    with op.batch_alter_table('handoff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handoff_to_agent_id'))
        batch_op.drop_index(batch_op.f('ix_handoff_interaction_id'))
        batch_op.drop_index(batch_op.f('ix_handoff_from_agent_id'))

    op.drop_table('handoff')
    op.drop_table('reasoncategory')
    op.drop_table('desksetting')
