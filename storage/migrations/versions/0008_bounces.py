"""The bounce mailbox's findings: bounces and complaints by report and address, and per mailbox
the last IMAP UID looked at (storage/models/bounces.py says why each exists).

Frozen like 0001: column types are spelled out.

Revision ID: 0008_bounces
Revises: 0007_unsubscribe
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0008_bounces'
down_revision: str | Sequence[str] | None = '0007_unsubscribe'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'bounces',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('report_id', sa.String(length=300), nullable=False),
        sa.Column('address', sa.String(length=320), nullable=False),
        sa.Column('customer_id', sa.String(length=200), nullable=True),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=True),
        sa.Column('detail', sa.String(length=200), nullable=True),
        sa.Column('received_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('hard', 'soft', 'delayed', 'complaint')", name=op.f('ck_bounces_kind')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_bounces')),
        sa.UniqueConstraint('report_id', 'address', name=op.f('uq_bounces_report_id_address')),
    )
    op.create_index('ix_bounces_address_kind_received_at', 'bounces', ['address', 'kind', 'received_at'],
                    unique=False)
    op.create_table(
        'bounce_mailboxes',
        sa.Column('mailbox', sa.String(length=400), nullable=False),
        sa.Column('uid_validity', sa.Integer(), nullable=False),
        sa.Column('last_uid', sa.Integer(), nullable=False),
        sa.Column('checked_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('mailbox', name=op.f('pk_bounce_mailboxes')),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('bounce_mailboxes')
    op.drop_index('ix_bounces_address_kind_received_at', table_name='bounces')
    op.drop_table('bounces')
