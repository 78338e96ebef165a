"""The shop's own customers as a population run's source, loadable in any process.

A population or backtest run over the shop splits its customers into chunks that worker
processes load themselves: what crosses the process boundary is the database's location and
the customers' ids, never their histories. Each chunk is one short read (a sending session
beside it is never blocked) of only the events the journey needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from engine.profile import Profile
from storage.database import Database, open_database
from storage.models import CustomerRow
from storage.session_customers import load_profiles

_OPEN: dict[str, Database] = {}


@dataclass(frozen=True)
class ShopCustomers:
    """Customers of the shop database at `location`, by their place in `ids`."""

    location: str
    ids: tuple[str, ...]

    def profiles(self, first: int, stop: int, event_types: frozenset[str] | None) -> Iterator[Profile]:
        db = _OPEN.get(self.location)
        if db is None:
            db = _OPEN[self.location] = open_database(self.location, migrate=False)
        part = self.ids[first:stop]
        with db.read() as session:
            found = load_profiles(session, part, event_types)
        return (found[i] for i in part if i in found)


def shop_customers(db: Database, limit: int) -> ShopCustomers:
    """The first `limit` customers of the shop by id (the order the customer list shows)."""
    with db.read() as session:
        ids = session.scalars(select(CustomerRow.id).order_by(CustomerRow.id).limit(max(limit, 0))).all()
    return ShopCustomers(db.url, tuple(ids))


__all__ = ["ShopCustomers", "shop_customers"]
