"""Fixtures for the app-layer tests: a small seeded shop made once per session, copied per test.

Seeding 3,000 demo customers takes seconds; the window and controller tests need a shop with the
ten templates and a few customers, so one with 40 is built once and each test gets its own copy.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

SMALL_SHOP = 40
NOW = datetime(2024, 6, 3, 9, 0, tzinfo=UTC)
ADVANCED_CART = "Abandoned cart (advanced)"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.controller import ShopController

    path = tmp_path_factory.mktemp("seeded") / "shop.sqlite"
    controller = ShopController(path)
    controller.first_start(SMALL_SHOP, now=NOW)
    controller.close()
    return path


@pytest.fixture
def shop_db(tmp_path: Path, seeded_template: Path) -> Path:
    target = tmp_path / "shop.sqlite"
    shutil.copyfile(seeded_template, target)
    return target


@pytest.fixture
def small_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """A first start inside a test seeds a handful of customers instead of 3,000."""
    import app.controller

    monkeypatch.setattr(app.controller, "DEMO_CUSTOMERS", SMALL_SHOP)


@pytest.fixture
def controller(shop_db: Path) -> Iterator:
    from app.controller import ShopController

    shop = ShopController(shop_db)
    yield shop
    shop.close()


@pytest.fixture
def fast_timers(monkeypatch: pytest.MonkeyPatch) -> None:
    import app.autosave

    monkeypatch.setattr(app.autosave, "AUTOSAVE_MS", 50)
    monkeypatch.setattr(app.autosave, "VALIDATE_MS", 20)


@pytest.fixture
def window(qtbot, controller, fast_timers) -> Iterator:
    from app.main_window import MainWindow

    win = MainWindow(controller, persist_layout=False)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.close()
