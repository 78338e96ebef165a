"""Each outbox row says whether it is marketing or transactional, in a column.

The shop's caps across journeys count a customer's marketing sends before every batch. The
purpose used to be a key inside the JSON payload, so counting read every payload (the whole
rendered email, often on overflow pages). As a column, together with the customer, channel,
moment and status in one index, the count is answered from the index alone. That index also
serves every lookup by customer, so it replaces the index on the customer alone.

Frozen like 0001: column types are spelled out.

Revision ID: 0009_outbox_purpose
Revises: 0008_bounces
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0009_outbox_purpose'
down_revision: str | Sequence[str] | None = '0008_bounces'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEDGER_COLUMNS = ['customer_id', 'purpose', 'channel', 'due_at', 'status']


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('purpose', sa.String(length=16), server_default='marketing', nullable=False))
    # Both spellings of the key: compact JSON (what the app writes) and JSON with spaces.
    op.get_bind().execute(sa.text(
        "UPDATE outbox SET purpose = 'transactional' WHERE CAST(payload AS TEXT) LIKE :compact "
        "OR CAST(payload AS TEXT) LIKE :spaced"),
        {"compact": '%"purpose":"transactional"%', "spaced": '%"purpose": "transactional"%'})
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_check_constraint(op.f('ck_outbox_purpose'), "purpose IN ('marketing', 'transactional')")
        batch_op.drop_index('ix_outbox_customer_id')
        batch_op.create_index('ix_outbox_customer_ledger', LEDGER_COLUMNS, unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_customer_ledger')
        batch_op.create_index('ix_outbox_customer_id', ['customer_id'], unique=False)
        batch_op.drop_constraint(op.f('ck_outbox_purpose'), type_='check')
        batch_op.drop_column('purpose')
