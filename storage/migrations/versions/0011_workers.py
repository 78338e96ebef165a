"""Sessions past one machine: the workers that advance a shop's runs, and who claimed a message.

- `workers`: one row per running sending session or worker process (host, pid, role), with a
  heartbeat, so a dead one is told from a slow one and the monitor shows who is at work.
- `outbox.claimed_by`: the worker that moved a message to `sending`. Only a message whose
  claimer is gone is settled by another (sent again, confirmed, or held for review), so two
  machines never both decide about one message.

Frozen like 0001: column types are spelled out.

Revision ID: 0011_workers
Revises: 0010_attribution
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0011_workers'
down_revision: str | Sequence[str] | None = '0010_attribution'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'workers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner', sa.String(length=200), nullable=False),
        sa.Column('host', sa.String(length=200), nullable=False),
        sa.Column('pid', sa.Integer(), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('heartbeat_at', sa.DateTime(), nullable=False),
        sa.Column('batches', sa.Integer(), nullable=False),
        sa.Column('runs', sa.Integer(), nullable=False),
        sa.Column('steps', sa.Integer(), nullable=False),
        sa.Column('sent', sa.Integer(), nullable=False),
        sa.CheckConstraint("role IN ('session', 'worker')", name=op.f('ck_workers_role')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_workers')),
        sa.UniqueConstraint('owner', name=op.f('uq_workers_owner')),
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=200), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('claimed_by')
    op.drop_table('workers')
