"""The declarative base and the column types every table shares.

Moments are stored as naive UTC and handed back as aware UTC datetimes, so a comparison in SQL
(`Event.at >= since`) and one in Python mean the same thing, whatever the machine's time zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, MetaData
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Named constraints keep alembic's batch migrations (SQLite table rebuilds) able to find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime in, an aware UTC datetime out.

    A naive datetime is refused rather than guessed: a local time taken for UTC would move
    every scheduled message by hours, and only silently.
    """

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} given; pass an aware (UTC) datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class OrderedJSON(TypeDecorator[Any]):
    """JSON in which the order of keys is part of the value.

    Plain JSON columns compare old and new values with `==`, for which two dicts with the same
    items in another order are equal: saving a journey whose segments were only reordered
    would write nothing, and the export would come back in the old order.
    """

    impl = JSON
    cache_ok = True

    def compare_values(self, x: Any, y: Any) -> bool:
        return bool(x == y) and _ordered(x) == _ordered(y)


def _ordered(value: Any) -> Any:
    """The value with every dict as its list of items, so equality sees the order."""
    if isinstance(value, dict):
        return [(k, _ordered(v)) for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [_ordered(v) for v in value]
    return value


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UTCDateTime(),
        dict[str, Any]: OrderedJSON(),
        list[Any]: OrderedJSON(),
    }
