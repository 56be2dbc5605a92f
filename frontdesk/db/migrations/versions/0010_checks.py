"""the schema states its rules: CHECK constraints on enum-like columns, ratings and amounts

Each enum kept as text may hold only its listed values; a rating is 1-5 or empty; a goodwill amount is
zero or more and finite. The statuses `broken` and `cancelled` were never written by any version, so
they are not allowed. Rows are kept as they are: SQLite copies each table once (batch mode).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28
"""

from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

CHECKS = {
    "agent": {"role": "role IN ('agent', 'supervisor')"},
    "interaction": {
        "channel": "channel IN ('phone', 'walk-in', 'email', 'chat')",
        "outcome": "outcome IN ('', 'resolved', 'resolved-later', 'follow-up', 'escalated', 'left')",
        "satisfaction": "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
    },
    "moodchange": {"mood": "mood IN ('calm', 'worried', 'upset', 'angry')"},
    "promise": {
        "kind": "kind IN ('promise', 'callback', 'follow-up')",
        "status": "status IN ('open', 'kept')",
    },
    "goodwillgrant": {
        "kind": "kind IN ('gesture', 'exception')",
        "amount": "amount >= 0 AND amount < 1000000000",
    },
}
"""Written out, not imported from the models: a migration states the schema as it was at this step."""


def upgrade() -> None:
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, condition in checks.items():
                batch_op.create_check_constraint(f"ck_{table}_{column}", condition)


def downgrade() -> None:
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in checks:
                batch_op.drop_constraint(f"ck_{table}_{column}", type_="check")
