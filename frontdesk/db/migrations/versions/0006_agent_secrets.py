"""agent secrets

Each agent gets the Argon2 hash of a PIN or password, a count of wrong tries and a lock-out time.
Existing agents keep everything they had and start with no secret: the first supervisor to sign in
after the upgrade chooses theirs (as on a new desk), and supervisors then set everyone else's.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('agent', schema=None) as batch_op:
        batch_op.add_column(sa.Column('secret_hash', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('failed_tries', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('agent', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_tries')
        batch_op.drop_column('secret_hash')
