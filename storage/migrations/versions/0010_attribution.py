"""What the attribution report needs: the A/B variant of each message, the shop's attribution
window, a note on versions made by an A/B decision, and the indexes the report reads: "the last
message this customer received before the order", a node's recipients, and a journey's
entrants with how each entry ended (docs/attribution.md).

Frozen like 0001: column types are spelled out.

Revision ID: 0010_attribution
Revises: 0009_outbox_purpose
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0010_attribution'
down_revision: str | Sequence[str] | None = '0009_outbox_purpose'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('variant', sa.String(length=64), nullable=True))
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attribution_window', sa.String(length=16), nullable=False,
                                      server_default='P1D'))
    with op.batch_alter_table('journey_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=True))
    op.create_index('ix_outbox_received', 'outbox', ['customer_id', 'status', 'sent_at'], unique=False,
                    sqlite_where=sa.text("status = 'sent'"), postgresql_where=sa.text("status = 'sent'"))
    op.create_index('ix_outbox_delivered', 'outbox',
                    ['journey_id', 'status', 'version_id', 'node_id', 'variant', 'customer_id', 'sent_at'],
                    unique=False,
                    sqlite_where=sa.text("status = 'sent'"), postgresql_where=sa.text("status = 'sent'"))
    op.create_index('ix_enrollments_outcome', 'enrollments',
                    ['journey_id', 'customer_id', 'version_id', 'entered_at', 'end_reason'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_enrollments_outcome', table_name='enrollments')
    op.drop_index('ix_outbox_delivered', table_name='outbox')
    op.drop_index('ix_outbox_received', table_name='outbox')
    with op.batch_alter_table('journey_versions', schema=None) as batch_op:
        batch_op.drop_column('note')
    with op.batch_alter_table('shop_settings', schema=None) as batch_op:
        batch_op.drop_column('attribution_window')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('variant')
