"""Runs that failed are parked with their reason; messages remember when they were handed over.

- run_state.parked_reason / parked_at: a run whose engine step failed is set aside (not due)
  with the reason, instead of being retried every hour; new data for the customer, a publish
  that moves runs, or the user's "retry" wakes it.
- outbox.handover_at: the moment the channel passed the point of no return (for SMTP, just
  before the end of DATA). A message left `sending` by a killed session without it never
  reached the server and is queued again; with it, it may have arrived and is resolved by
  the shop's policy.
- shop_settings.delivery: how the session resolves such messages ({"uncertain": "hold" |
  "resend", "resend_after_minutes": N}).

Frozen like 0001: column types are spelled out.

Revision ID: 0005_isolation
Revises: 0004_shop_smtp
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0005_isolation'
down_revision: str | Sequence[str] | None = '0004_shop_smtp'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('run_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parked_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('parked_at', sa.DateTime(), nullable=True))
    op.create_index('ix_run_state_parked_at', 'run_state', ['parked_at'], unique=False,
                    sqlite_where=sa.text('parked_reason IS NOT NULL'))
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('handover_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('delivery', sa.JSON(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.drop_column('delivery')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('handover_at')
    op.drop_index('ix_run_state_parked_at', table_name='run_state')
    with op.batch_alter_table('run_state', schema=None) as batch_op:
        batch_op.drop_column('parked_at')
        batch_op.drop_column('parked_reason')
