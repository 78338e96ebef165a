"""The writers a live-shop connector uses: an order through `history_repo.record_order` and a
cart through `history_repo.record_event`, one at a time, rather than the bulk executemany of a
file import. A poll brings a handful of records, and each must become exactly what the
`event` command or the HTTP endpoint would have stored — an order with its `order_placed`
event (or, refunded since, without it), a `cart_abandoned` event the running session reads
from its inbox at the next wake-up."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.history_repo import record_event, record_order
from storage.import_writers import CART_EVENT, CartWriter, OrderWriter, Writer


def _moment(stored: str) -> datetime:
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


class LiveOrderWriter(OrderWriter):
    def _flush(self) -> None:
        for row, properties, items in self.rows:
            if items:
                properties["items"] = items
            record_order(self.session, row["customer_id"], {
                "id": row["id"], "placed_at": _moment(row["placed_at"]), "total": row["total"],
                "currency": row["currency"], "status": row["status"], "properties": properties})
        self.rows.clear()


class LiveCartWriter(CartWriter):
    def _flush(self) -> None:
        for row in self.rows:
            record_event(self.session, row["customer_id"], CART_EVENT, _moment(row["at"]), row["properties"])
        self.rows.clear()


LIVE_WRITERS: dict[str, type[Writer]] = {"orders": LiveOrderWriter, "carts": LiveCartWriter}

__all__ = ["LIVE_WRITERS", "LiveCartWriter", "LiveOrderWriter"]
