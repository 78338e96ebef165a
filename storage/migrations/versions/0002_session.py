"""The sending session: run state, the inbox cursor, the outbox, and the journeys' running
state (paused / archived) with their catch-up policy.

Frozen like 0001: column types are spelled out (moments are naive UTC `DateTime`).

Revision ID: 0002_session
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0002_session'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('session_cursor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_event_id', sa.Integer(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('heartbeat_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_session_cursor_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_cursor'))
    )
    op.create_table('run_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('journey_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.String(length=200), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('next_due', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_run_state_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['journey_id'], ['journeys.id'], name=op.f('fk_run_state_journey_id_journeys'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['journey_versions.id'], name=op.f('fk_run_state_version_id_journey_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_run_state')),
    sa.UniqueConstraint('journey_id', 'version_id', 'customer_id', name=op.f('uq_run_state_journey_id_version_id_customer_id'))
    )
    with op.batch_alter_table('run_state', schema=None) as batch_op:
        batch_op.create_index('ix_run_state_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_run_state_next_due', ['next_due'], unique=False)

    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('journey_id', sa.Integer(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.String(length=200), nullable=False),
    sa.Column('enrollment_id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.String(length=64), nullable=False),
    sa.Column('visit', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=64), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('message_id', sa.String(length=400), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'sending', 'sent', 'failed', 'uncertain', 'skipped')", name=op.f('ck_outbox_status')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_outbox_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['enrollment_id'], ['enrollments.id'], name=op.f('fk_outbox_enrollment_id_enrollments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['journey_id'], ['journeys.id'], name=op.f('fk_outbox_journey_id_journeys'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('journey_id', 'customer_id', 'enrollment_id', 'node_id', 'visit', name=op.f('uq_outbox_journey_id_customer_id_enrollment_id_node_id_visit'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_outbox_status_next_attempt_at', ['status', 'next_attempt_at'], unique=False)

    with op.batch_alter_table('journeys', schema=None) as batch_op:
        batch_op.add_column(sa.Column('run_status', sa.String(length=16), server_default='active', nullable=False))
        batch_op.add_column(sa.Column('paused_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('catch_up', sa.String(length=16), server_default='send_now', nullable=False))
        batch_op.add_column(sa.Column('catch_up_limit', sa.String(length=32), nullable=True))
        batch_op.create_check_constraint(
            op.f('ck_journeys_run_status'), "run_status IN ('active', 'paused', 'archived')")
        batch_op.create_check_constraint(
            op.f('ck_journeys_catch_up'), "catch_up IN ('send_now', 'skip_late', 'next_window')")



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('journeys', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_journeys_catch_up'), type_='check')
        batch_op.drop_constraint(op.f('ck_journeys_run_status'), type_='check')
        batch_op.drop_column('catch_up_limit')
        batch_op.drop_column('catch_up')
        batch_op.drop_column('paused_at')
        batch_op.drop_column('run_status')

    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_status_next_attempt_at')
        batch_op.drop_index('ix_outbox_customer_id')

    op.drop_table('outbox')
    with op.batch_alter_table('run_state', schema=None) as batch_op:
        batch_op.drop_index('ix_run_state_next_due')
        batch_op.drop_index('ix_run_state_customer_id')

    op.drop_table('run_state')
    op.drop_table('session_cursor')
