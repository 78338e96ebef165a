"""Journey tests: named test customers and their expected paths, saved with the journey.

Frozen like 0001: column types are spelled out (moments are naive UTC `DateTime`).

Revision ID: 0003_journey_tests
Revises: 0002_session
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0003_journey_tests'
down_revision: str | Sequence[str] | None = '0002_session'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('journey_tests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('journey_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('definition', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['journey_id'], ['journeys.id'], name=op.f('fk_journey_tests_journey_id_journeys'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journey_tests')),
    sa.UniqueConstraint('journey_id', 'name', name=op.f('uq_journey_tests_journey_id_name'))
    )
    with op.batch_alter_table('journey_tests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journey_tests_journey_id'), ['journey_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('journey_tests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_journey_tests_journey_id'))
    op.drop_table('journey_tests')
