"""The shop's API token, and the suppression list checked before every send.

- shop_settings.api_token: what the shop's site sends to POST /events (the unsubscribe links are
  signed with a key derived from the discount secret and need no token).
- suppressions: addresses and customers that must not get (marketing) mail any more: who
  unsubscribed, when and how (one-click or the confirmation page), hard bounces, complaints,
  and entries the shop owner made by hand. Kept even when consent is given again later, as the
  record of what happened.

Frozen like 0001: column types are spelled out.

Revision ID: 0007_unsubscribe
Revises: 0006_order_events
"""
import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0007_unsubscribe'
down_revision: str | Sequence[str] | None = '0006_order_events'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('api_token', sa.String(length=128), nullable=True))
    op.get_bind().execute(sa.text("UPDATE shop_settings SET api_token = :token"), {"token": secrets.token_urlsafe(32)})
    op.create_table(
        'suppressions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.String(length=200), nullable=True),
        sa.Column('channel', sa.String(length=16), nullable=False),
        sa.Column('address', sa.String(length=320), nullable=True),
        sa.Column('reason', sa.String(length=32), nullable=False),
        sa.Column('source', sa.String(length=200), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint("reason IN ('unsubscribed', 'hard_bounce', 'complaint', 'manual')",
                           name=op.f('ck_suppressions_reason')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_suppressions')),
    )
    op.create_index('ix_suppressions_customer_id', 'suppressions', ['customer_id'], unique=False)
    op.create_index('ix_suppressions_address', 'suppressions', ['address'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_suppressions_address', table_name='suppressions')
    op.drop_index('ix_suppressions_customer_id', table_name='suppressions')
    op.drop_table('suppressions')
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.drop_column('api_token')
