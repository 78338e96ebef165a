"""Orders keep their status (a refunded or cancelled order is kept but is no purchase), the shop
settings hold the live-shop connectors, and each connector remembers how far it has read.

Frozen like 0001: column types are spelled out.

Revision ID: 0013_shop_connectors
Revises: 0012_email_design
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0013_shop_connectors'
down_revision: str | Sequence[str] | None = '0012_email_design'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=16), nullable=False, server_default='placed'))
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('connectors', sa.JSON(), nullable=True))
    op.create_table(
        'connector_cursors',
        sa.Column('connector', sa.String(length=40), nullable=False),
        sa.Column('resource', sa.String(length=40), nullable=False),
        sa.Column('cursor', sa.String(length=400), nullable=True),
        sa.Column('polled_at', sa.DateTime(), nullable=True),
        sa.Column('error', sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint('connector', 'resource', name=op.f('pk_connector_cursors')),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('connector_cursors')
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.drop_column('connectors')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('status')
