"""phones in canonical form, customers indexed by name

Each customer's phone numbers are kept as typed and now also in canonical form (E.164), in the same
order, so numbers written differently (`+44(0)115 496 0597`, `+44 115 496 0597`) compare equal.
An index on (family name, given name) lets an import ask who is already there, batch by batch.
Existing rows are backfilled: a number with a country code gets its canonical form; a national number
gets "" (no desk region had been set when it was typed), and is read again when the record is saved.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

import unicodedata

from alembic import op
import phonenumbers
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

BATCH = 1_000


def upgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phones_e164', sa.JSON(), server_default='[]', nullable=False))
        batch_op.create_index('ix_customer_name', ['family_name', 'given_name'], unique=False)
    _backfill()


def downgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_name')
        batch_op.drop_column('phones_e164')


def _backfill() -> None:
    """Frozen here rather than imported from the services: a migration must mean the same thing forever."""
    customer = sa.table('customer', sa.column('id', sa.Integer), sa.column('phones', sa.JSON),
                        sa.column('phones_e164', sa.JSON))
    connection = op.get_bind()
    last = 0
    while rows := connection.execute(sa.select(customer.c.id, customer.c.phones).where(customer.c.id > last)
                                      .order_by(customer.c.id).limit(BATCH)).all():
        updates = [{"key": row.id, "canonical": [_canonical(phone) for phone in row.phones or []]}
                   for row in rows if row.phones]
        if updates:
            connection.execute(customer.update().where(customer.c.id == sa.bindparam("key"))
                               .values(phones_e164=sa.bindparam("canonical")), updates)
        last = rows[-1].id


def _canonical(typed: str) -> str:
    digits = "".join(str(unicodedata.decimal(char)) if unicodedata.category(char) == "Nd" else char for char in typed)
    try:
        number = phonenumbers.parse(digits, None)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return f"{e164};ext={number.extension}" if number.extension else e164
