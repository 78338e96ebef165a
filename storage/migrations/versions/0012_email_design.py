"""The shop's email design (colours, logo, social profiles), its website, and its languages.

Designed emails (docs/email-designer.md) take the shop's look from here; message variants per
customer language fall back to `fallback_language`, and `languages` lists the languages the
shop writes in beyond en/de/ru/es. Frozen like 0001: column types are spelled out.

Revision ID: 0012_email_design
Revises: 0011_workers
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0012_email_design'
down_revision: str | Sequence[str] | None = '0011_workers'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('website', sa.String(length=500), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('email_design', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('fallback_language', sa.String(length=35), nullable=False,
                                      server_default='en'))
        batch_op.add_column(sa.Column('languages', sa.JSON(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.drop_column('languages')
        batch_op.drop_column('fallback_language')
        batch_op.drop_column('email_design')
        batch_op.drop_column('website')
