"""Every order is an `order_placed` event, and every such event an order, in stored data too.

Databases written before the rule was kept by every writer (the demo shop seeded at first
start, imports of older versions) have orders without their event (a running session never
sees those purchases) and events without their order. This adds what is missing, the way
`storage.history_repo.record_order`/`record_event` write it: the event's properties are the
order's id, total and currency with its properties; an order made from an event takes the
event's `order_id` (or `id`), else `<customer>/<moment>`. An order and an event of the same
customer at the same moment are one purchase.

If a sending session's inbox had read every event before this, the cursor moves past the
added ones: they are history, not news.

Frozen like 0001: plain SQL, no application code.

Revision ID: 0006_order_events
Revises: 0005_isolation
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0006_order_events'
down_revision: str | Sequence[str] | None = '0005_isolation'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        # PostgreSQL came after this revision: a database there is built by these migrations
        # from empty, so there are no earlier rows to copy (and this SQL is SQLite's own).
        return
    newest = conn.execute(sa.text("SELECT coalesce(max(id), 0) FROM events")).scalar()
    cursor = conn.execute(sa.text("SELECT last_event_id FROM session_cursor WHERE id = 1")).scalar()
    conn.execute(sa.text(
        "INSERT INTO events (customer_id, type, at, properties, received_at) "
        "SELECT o.customer_id, 'order_placed', o.placed_at, "
        "json_patch(json_object('order_id', o.id, 'total', o.total, 'currency', coalesce(o.currency, '')), "
        "coalesce(o.properties, '{}')), o.placed_at FROM orders o WHERE NOT EXISTS (SELECT 1 FROM events e "
        "WHERE e.customer_id = o.customer_id AND e.type = 'order_placed' AND e.at = o.placed_at) "
        "ORDER BY o.placed_at, o.id"))
    conn.execute(sa.text(
        "INSERT OR IGNORE INTO orders (id, customer_id, placed_at, total, currency, properties) "
        "SELECT coalesce(nullif(CAST(json_extract(e.properties, '$.order_id') AS TEXT), ''), "
        "nullif(CAST(json_extract(e.properties, '$.id') AS TEXT), ''), e.customer_id || '/' || "
        "replace(CASE WHEN substr(e.at, 20) IN ('', '.000000') THEN substr(e.at, 1, 19) ELSE e.at END, ' ', 'T')"
        " || 'Z'), e.customer_id, e.at, "
        "CASE WHEN json_type(e.properties, '$.total') IN ('integer', 'real') "
        "THEN json_extract(e.properties, '$.total') ELSE 0 END, "
        "CASE WHEN json_type(e.properties, '$.currency') = 'text' "
        "THEN upper(json_extract(e.properties, '$.currency')) ELSE '' END, "
        "json_remove(coalesce(e.properties, '{}'), '$.order_id', '$.id', '$.total', '$.currency') "
        "FROM events e WHERE e.type = 'order_placed' AND NOT EXISTS (SELECT 1 FROM orders o "
        "WHERE o.customer_id = e.customer_id AND o.placed_at = e.at) ORDER BY e.id"))
    if cursor is not None and cursor == newest:
        conn.execute(sa.text("UPDATE session_cursor SET last_event_id = (SELECT coalesce(max(id), 0) FROM events) "
                             "WHERE id = 1"))


def downgrade() -> None:
    """The added rows are real data now; nothing to take back."""
