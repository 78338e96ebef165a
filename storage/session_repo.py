"""The sending session's tables, as one module: kept so `from storage import session_repo` and
`session_repo.X` go on working while the code lives in modules named for what they hold:

- storage/session_lease.py: the one session per database (lease, heartbeat) and the inbox cursor;
- storage/session_journeys.py: the journeys and versions the session runs;
- storage/runs_repo.py: run states (due runs, batch writes, parked runs, moving versions);
- storage/enrollments_repo.py: enrollments and their history;
- storage/outbox_repo.py: the outbox, from queued to sent;
- storage/session_customers.py: opt-outs, bounces, reachability and profiles for the engine;
- storage/session_tables.py: what they share (table handles, batch helpers, errors).

Like every repository here, nothing commits; the session owns the transaction, which is what
makes "state advanced" and "message queued" one atomic fact.
"""

from __future__ import annotations

from storage.customers_repo import update_customer_from_journey
from storage.enrollments_repo import (
    active_customers,
    active_on_other_versions,
    delete_enrollments,
    end_enrollments,
    enrollment_history,
    insert_enrollments,
)
from storage.errors import InvalidState
from storage.outbox_repo import (
    OutgoingRecord,
    due_messages,
    interrupted,
    list_outbox,
    mark_done,
    mark_handover,
    mark_sending,
    marketing_sends,
    next_attempt,
    outbox_counts,
    outgoing_record,
    prune_sent_before,
    queue_messages,
    resolve_uncertain,
)
from storage.runs_repo import (
    ParkedRun,
    RunRecord,
    count_due,
    customers_without_run,
    due_runs,
    end_journey_runs,
    in_flight_counts,
    move_runs,
    next_due,
    parked_runs,
    retry_parked,
    runs_of_customers,
    write_runs,
)
from storage.session_customers import (
    deliverable,
    load_profiles,
    mark_bounced,
    record_opt_out,
)
from storage.session_journeys import JourneyState, journey_states, versions_in_flight
from storage.session_lease import (
    acquire_session,
    claim_inbox,
    heartbeat,
    keep_or_take,
    last_event_id,
    lease_holder,
    make_owner,
    newest_event_id,
    release_session,
    set_last_event_id,
)
from storage.session_tables import (
    CHUNK,
    ENROLLMENTS,
    OUTBOX,
    RUNS,
    WAKE_AT_ONCE,
    RunsChanged,
    SessionBusy,
    db_moment,
)

__all__ = [
    "CHUNK", "ENROLLMENTS", "InvalidState", "JourneyState", "OUTBOX", "OutgoingRecord", "ParkedRun",
    "RUNS", "RunRecord", "RunsChanged", "SessionBusy", "WAKE_AT_ONCE", "acquire_session", "claim_inbox",
    "keep_or_take", "lease_holder", "active_customers",
    "active_on_other_versions", "count_due", "customers_without_run", "db_moment", "delete_enrollments",
    "deliverable", "due_messages", "due_runs", "end_enrollments", "end_journey_runs",
    "enrollment_history", "heartbeat", "in_flight_counts", "insert_enrollments", "interrupted",
    "journey_states", "last_event_id", "list_outbox", "load_profiles", "make_owner", "mark_bounced",
    "mark_done", "mark_handover", "mark_sending", "marketing_sends", "move_runs", "newest_event_id", "next_attempt",
    "next_due", "outbox_counts", "outgoing_record", "parked_runs", "prune_sent_before", "queue_messages",
    "record_opt_out", "release_session", "resolve_uncertain", "retry_parked", "runs_of_customers",
    "set_last_event_id", "update_customer_from_journey", "versions_in_flight", "write_runs",
]
