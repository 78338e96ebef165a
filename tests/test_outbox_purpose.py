"""Marketing or transactional is a column of the outbox: the shop caps' ledger counts from it, and
a database written before the column existed gets it filled from the payloads when opened."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import select

from storage.database import _alembic_config, open_database
from storage.models import OutboxRow
from storage.outbox_repo import marketing_sends


def test_an_old_outbox_gets_its_purposes_from_the_payloads(tmp_path):
    path = tmp_path / "old.sqlite"
    with open_database(path, migrate=False) as database:
        config = _alembic_config()
        with database.engine.connect() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0008_bounces")
            conn.commit()
    raw = sqlite3.connect(path)
    raw.executescript("""
        INSERT INTO customers (id, email, consent_email, consent_sms, consent_push, email_bounced, sms_bounced,
                               tags, properties, created_at, updated_at)
        VALUES ('c1', 'c1@example.org', 1, 0, 0, 0, 0, '[]', '{}', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
        INSERT INTO enrollments (id, customer_id, status, entered_at, entry)
        VALUES (1, 'c1', 'ended', '2026-02-01 09:00:00.000000', '{}');
        INSERT INTO outbox (customer_id, enrollment_id, node_id, visit, channel, status, attempts, due_at,
                            payload, created_at)
        VALUES ('c1', 1, 'news', 1, 'email', 'sent', 1, '2026-02-01 09:00:00.000000',
                '{"to":"c1@example.org","subject":"News"}', '2026-02-01 09:00:00'),
               ('c1', 1, 'receipt', 1, 'email', 'sent', 1, '2026-02-01 10:00:00.000000',
                '{"to":"c1@example.org","purpose":"transactional"}', '2026-02-01 10:00:00'),
               ('c1', 1, 'invoice', 1, 'email', 'sent', 1, '2026-02-01 11:00:00.000000',
                '{"to": "c1@example.org", "purpose": "transactional"}', '2026-02-01 11:00:00');
    """)
    raw.commit()
    raw.close()
    with open_database(path) as database:
        with database.read() as s:
            purposes = {node: purpose for node, purpose in s.execute(select(OutboxRow.node_id, OutboxRow.purpose))}
            assert purposes == {"news": "marketing", "receipt": "transactional", "invoice": "transactional"}
            ledger = marketing_sends(s, ["c1"], ["email"], datetime(2026, 1, 1, tzinfo=UTC))
        assert ledger == {"c1": {"email": [datetime(2026, 2, 1, 9, 0, tzinfo=UTC)]}}
