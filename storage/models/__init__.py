"""Every table, imported together so `Base.metadata` is whole for alembic and for tests."""

from storage.models.base import Base, UTCDateTime, utcnow
from storage.models.customers import CustomerRow, EventRow, OrderRow, SegmentRow
from storage.models.journeys import VERSION_STATUSES, EdgeRow, JourneyRecord, JourneyVersion, NodeRow
from storage.models.runs import ENROLLMENT_STATUSES, MESSAGE_STATUSES, EnrollmentRow, MessageLogRow
from storage.models.shop import DEFAULT_ENGAGEMENT, DEFAULT_LIFECYCLE, ShopSettings

__all__ = [
    "DEFAULT_ENGAGEMENT", "DEFAULT_LIFECYCLE", "ENROLLMENT_STATUSES", "MESSAGE_STATUSES",
    "VERSION_STATUSES", "Base", "CustomerRow", "EdgeRow", "EnrollmentRow", "EventRow",
    "JourneyRecord", "JourneyVersion", "MessageLogRow", "NodeRow", "OrderRow", "SegmentRow",
    "ShopSettings", "UTCDateTime", "utcnow",
]
