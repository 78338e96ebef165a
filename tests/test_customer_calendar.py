"""The customer calendar: every journey's coming messages for one customer, and the days they collide.

Set JB_UPDATE_SCREENSHOTS=1 to write docs/screenshots/customer-calendar.png.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.population_pages import CustomerCalendarPage, calendar_journeys
from app.theme import apply_theme
from engine.calendar import UpcomingMessage, collision_days, upcoming_messages
from engine.compiled import CompiledJourney
from engine.fileformat import journey_from_dict
from engine.profile import Event, parse_profile
from engine.runner import RunOptions
from storage import journeys_repo, open_database
from widgets.customer_calendar import CustomerCalendar

pytest_plugins = ["app_testing"]

ROOT = Path(__file__).resolve().parents[1]
START = datetime(2026, 3, 2, 6, tzinfo=UTC)  # a Monday morning


def _journey(name: str, event: str, steps: list[tuple[str, str]]) -> tuple[str, CompiledJourney]:
    """trigger on `event`, then for each (delay, subject) a wait and an e-mail."""
    nodes = [{"id": "start", "type": "trigger", "position": [0, 0], "config": {"kind": "event", "event": event}}]
    edges, previous = [], "start"
    for i, (delay, subject) in enumerate(steps, 1):
        nodes.append({"id": f"wait-{i}", "type": "delay", "position": [0, 0],
                      "config": {"kind": "duration", "duration": delay}})
        nodes.append({"id": f"mail-{i}", "type": "message", "label": f"Mail {i}", "position": [0, 0],
                      "config": {"kind": "email", "subject": subject, "body": "Hi"}})
        edges += [{"source": previous, "target": f"wait-{i}", "port": "out"},
                  {"source": f"wait-{i}", "target": f"mail-{i}", "port": "out"}]
        previous = f"mail-{i}"
    data = {"format": "journey-builder/1", "name": name, "settings": {"exit_on": [{"event": "order_placed"}]},
            "nodes": nodes, "edges": edges}
    return name, CompiledJourney(journey_from_dict(data))


def journeys():
    return [
        _journey("Welcome series", "signup", [("PT1H", "Welcome, {{ customer.first_name }}!"),
                                              ("P3D", "Our bestsellers"), ("P4D", "10 % for you")]),
        _journey("Cart reminder", "cart_abandoned", [("PT4H", "Did you forget something?")]),
    ]


def profile(events=()):
    return parse_profile({"customer": {"id": "c-1", "first_name": "Ada", "email": "ada@example.org",
                                       "timezone": "Europe/Berlin", "consent": {"email": True}},
                          "events": [{"type": t, "at": at} for t, at in events]})


def test_upcoming_messages_across_journeys_and_their_collisions() -> None:
    signup = Event("signup", START + timedelta(hours=2))
    cart = Event("cart_abandoned", START + timedelta(days=3, hours=1))  # Thursday 07:00 UTC
    messages = upcoming_messages(journeys(), profile(), START, 28, events=[signup, cart])
    assert [tuple(m) for m in messages] == [
        (datetime(2026, 3, 2, 9, tzinfo=UTC), "Welcome series", "mail-1", "email", "Welcome, Ada!"),
        (datetime(2026, 3, 5, 9, tzinfo=UTC), "Welcome series", "mail-2", "email", "Our bestsellers"),
        (datetime(2026, 3, 5, 11, tzinfo=UTC), "Cart reminder", "mail-1", "email", "Did you forget something?"),
        (datetime(2026, 3, 9, 9, tzinfo=UTC), "Welcome series", "mail-3", "email", "10 % for you"),
    ]
    moment, journey, node, channel, subject = messages[0]  # a plain 5-tuple
    assert journey == "Welcome series" and isinstance(messages[0], UpcomingMessage)
    assert collision_days(messages, "Europe/Berlin") == {date(2026, 3, 5): ["Welcome series", "Cart reminder"]}
    # the same journey twice on one day is not a collision
    twice = [messages[0], messages[0]._replace(node="mail-2")]
    assert collision_days(twice, "UTC") == {}


def test_known_future_events_lookback_window_and_the_profile_left_alone() -> None:
    person = profile([("signup", "2026-02-27T10:00:00Z"), ("cart_abandoned", "2026-03-20T10:00:00Z")])
    # signed up before the window: only a look back finds the welcome series in progress
    without = upcoming_messages(journeys(), person, START, 28)
    assert [(m.journey, m.node) for m in without] == [("Cart reminder", "mail-1")]
    found = upcoming_messages(journeys(), person, START, 28, lookback_days=14)
    assert [(m.journey, m.node, m.moment.date()) for m in found] == [
        ("Welcome series", "mail-2", date(2026, 3, 2)),
        ("Welcome series", "mail-3", date(2026, 3, 6)),
        ("Cart reminder", "mail-1", date(2026, 3, 20)),
    ]
    assert all(m.moment >= START for m in found)  # mail-1 went out before the window
    upcoming_messages(journeys(), person, START, 28, events=[Event("signup", START)])
    assert len(person.events) == 2  # scripted events never stick to the caller's profile
    short = upcoming_messages(journeys(), person, START, 7, lookback_days=14)
    assert [m.node for m in short] == ["mail-2", "mail-3"]  # the cart reminder is past the window


def sample_messages():
    signup = Event("signup", START + timedelta(hours=2))
    cart = Event("cart_abandoned", START + timedelta(days=3, hours=1))
    return upcoming_messages(journeys(), profile(), START, 28, events=[signup, cart],
                             options=RunOptions(default_tz="Europe/Berlin"))


@pytest.fixture
def calendar(qtbot) -> CustomerCalendar:
    widget = CustomerCalendar()
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    return widget


def test_the_calendar_shows_chips_and_highlights_collisions(qtbot, calendar: CustomerCalendar) -> None:
    messages = sample_messages()
    calendar.set_customer("Ada · ada@example.org · c-1", "Europe/Berlin")
    calendar.set_messages(messages, START, 28, journeys=["Cart reminder", "Welcome series", "Silent one"])
    assert calendar.title.text() == "Ada · ada@example.org · c-1"
    assert calendar.collisions() == {date(2026, 3, 5): ["Welcome series", "Cart reminder"]}
    assert calendar.period.text() == "March 2026"
    assert calendar.mode() == "month" and len(calendar.visible_days()) == 42
    assert [m.subject for m in calendar.messages_on(date(2026, 3, 5))] == ["Our bestsellers",
                                                                           "Did you forget something?"]
    # colours: by the app's journey order, only for journeys that send something
    assert calendar.journey_colour("Cart reminder").name() == "#3b7dd8"
    assert calendar.journey_colour("Welcome series").name() == "#e08a1e"
    assert "Silent one" not in calendar.legend.text() and "Cart reminder" in calendar.legend.text()
    assert calendar.collision_label.text().startswith("⚠ 1 days with messages from two or more journeys: Thu 05 Mar")
    # the list: one row per message in local time, the collision day marked
    rows = [[calendar.list.topLevelItem(i).text(c) for c in range(4)] for i in range(calendar.list.topLevelItemCount())]
    assert rows[0] == ["Mon 02 Mar 10:00", "Welcome series", "email", "Welcome, Ada!"]
    assert len(rows) == 4
    marked = [calendar.list.topLevelItem(i).font(0).bold() for i in range(4)]
    assert marked == [False, True, True, False]
    assert calendar.list.topLevelItem(1).toolTip(0) == "Same day: Welcome series, Cart reminder"

    # clicking the collision day on the grid selects its messages in the list
    rect = calendar.grid.cell_rect(date(2026, 3, 5))
    with qtbot.waitSignal(calendar.daySelected) as blocker:
        qtbot.mouseClick(calendar.grid, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert blocker.args == [date(2026, 3, 5)] and calendar.selected_day() == date(2026, 3, 5)
    selected = [item.text(3) for item in calendar.list.selectedItems()]
    assert selected == ["Our bestsellers", "Did you forget something?"]

    # week view and navigation
    calendar.mode_box.setCurrentIndex(1)
    assert calendar.mode() == "week" and calendar.visible_days()[0] == date(2026, 3, 2)
    assert calendar.period.text() == "02 Mar – 08 Mar 2026"
    qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
    assert calendar.visible_days()[0] == date(2026, 3, 9)
    qtbot.mouseClick(calendar.today_button, Qt.MouseButton.LeftButton)
    assert calendar.visible_days()[0] == date(2026, 3, 2)
    calendar.set_mode("month")
    qtbot.mouseClick(calendar.prev_button, Qt.MouseButton.LeftButton)
    assert calendar.period.text() == "February 2026"
    calendar.grab()  # paints without error in both modes


def test_the_page_feeds_the_calendar_from_the_shop(qtbot, calendar: CustomerCalendar, shop_db: Path) -> None:
    from app_testing import NOW

    db = open_database(shop_db)
    try:
        with db.transaction() as session:  # two of the gallery drafts go live
            journeys_repo.publish(session, "Welcome series")
            journeys_repo.publish(session, "Abandoned cart (simple)")
        names = [name for name, _ in calendar_journeys(db)]
        assert "Welcome series" in names and "Abandoned cart (simple)" in names
        assert "Abandoned cart (advanced) (draft)" in names and "Welcome series (draft)" not in names
        page = CustomerCalendarPage(db, calendar, now=lambda: NOW)
        # find the customer whose coming weeks hold the most journeys
        best, most = None, -1
        with db.read() as session:
            from storage.customers_repo import list_customers

            ids = [row.id for row in list_customers(session, limit=40)]
        for cid in ids:
            page.show_customer(cid)
            count = len({m.journey for m in calendar.messages()})
            if count > most:
                best, most = cid, count
        assert most >= 2
        calendar.search.setText(best)
        qtbot.mouseClick(calendar.show_button, Qt.MouseButton.LeftButton)
        assert best in calendar.title.text()
        assert calendar.messages() and all(NOW <= m.moment < NOW + timedelta(days=42) for m in calendar.messages())
        assert calendar.list.topLevelItemCount() == len(calendar.messages())
        calendar.search.setText("nobody-by-this-name")
        qtbot.keyClick(calendar.search, Qt.Key.Key_Return)
        assert calendar.title.text() == "No customer matches “nobody-by-this-name”."
    finally:
        db.close()


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    if os.environ.get("JB_UPDATE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "screenshots"
    return tmp_path


def test_screenshot(qtbot, qapp: QApplication, out_dir: Path) -> None:
    from resources.journeys import gallery

    palette, style = qapp.palette(), qapp.style().name()
    apply_theme(qapp, "light")
    try:
        from engine import demo

        now = datetime(2026, 3, 1, tzinfo=UTC)
        segments = {n: s["rule"] for n, s in demo.builtin_segments().items()}
        compiled = [(e.name, CompiledJourney(e.journey(), shop_segments=segments)) for e in gallery()]
        person = next(p for p in demo.generate_profiles(50, 3, now, future_days=30) if p.id == "c-000041")
        messages = upcoming_messages(compiled, person, now, 42, lookback_days=30,
                                     options=RunOptions(seed=1, shop=demo.shop_settings()))
        widget = CustomerCalendar()
        qtbot.addWidget(widget)
        c = person.customer
        widget.set_customer(f"{c['first_name']} {c['last_name']} · {c['email']} · {person.id}", person.timezone)
        widget.set_messages(messages, now, 42, journeys=[n for n, _ in compiled])
        widget.resize(1100, 900)
        widget.show()
        assert len(widget.collisions()) >= 2
        image = widget.grab().toImage()
        assert image.save(str(out_dir / "customer-calendar.png"))
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)
