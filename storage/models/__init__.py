"""Every table, imported together so `Base.metadata` is whole for alembic and for tests."""

from storage.models.base import Base, UTCDateTime, utcnow
from storage.models.bounces import BOUNCE_KINDS, BounceMailboxRow, BounceRow
from storage.models.connectors import ConnectorCursorRow
from storage.models.customers import CustomerRow, EventRow, OrderRow, SegmentRow
from storage.models.journey_tests import JourneyTestRow
from storage.models.journeys import (
    CATCH_UP_POLICIES,
    RUN_STATUSES,
    VERSION_STATUSES,
    EdgeRow,
    JourneyRecord,
    JourneyVersion,
    NodeRow,
)
from storage.models.runs import ENROLLMENT_STATUSES, MESSAGE_STATUSES, EnrollmentRow, MessageLogRow
from storage.models.session import (
    OUTBOX_STATUSES,
    WORKER_ROLES,
    OutboxRow,
    RunStateRow,
    SessionCursorRow,
    WorkerRow,
)
from storage.models.shop import DEFAULT_ENGAGEMENT, DEFAULT_LIFECYCLE, ShopSettings
from storage.models.suppressions import SUPPRESSION_REASONS, SuppressionRow

__all__ = [
    "BOUNCE_KINDS", "BounceMailboxRow", "BounceRow", "ConnectorCursorRow",
    "CATCH_UP_POLICIES", "OUTBOX_STATUSES", "RUN_STATUSES", "OutboxRow", "RunStateRow", "SessionCursorRow",
    "DEFAULT_ENGAGEMENT", "DEFAULT_LIFECYCLE", "ENROLLMENT_STATUSES", "MESSAGE_STATUSES",
    "VERSION_STATUSES", "Base", "CustomerRow", "EdgeRow", "EnrollmentRow", "EventRow",
    "JourneyRecord", "JourneyTestRow", "JourneyVersion", "MessageLogRow", "NodeRow", "OrderRow", "SegmentRow",
    "SUPPRESSION_REASONS", "ShopSettings", "SuppressionRow", "UTCDateTime", "WORKER_ROLES", "WorkerRow", "utcnow",
]
