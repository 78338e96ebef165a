"""The shop's email account (SMTP) for the sending session; its password lives in the keyring.

Frozen like 0001: column types are spelled out.

Revision ID: 0004_shop_smtp
Revises: 0003_journey_tests
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0004_shop_smtp'
down_revision: str | Sequence[str] | None = '0003_journey_tests'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('smtp', sa.JSON(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.drop_column('smtp')
