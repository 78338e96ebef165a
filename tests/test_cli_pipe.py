"""`journey-builder … | head -1`: a reader that stops reading is not an error.

The output is made far larger than a pipe holds (64 KB on Linux), so the command is certainly
still writing when the test closes its end: the write fails with EPIPE every time, not by luck.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VISITS = 3000  # two lines each (entered, exited): several hundred kilobytes of output

JOURNEY = {
    "format": "journey-builder/1",
    "name": "Every visit",
    "settings": {"reentry": "always"},
    "nodes": [{"id": "visit", "type": "trigger", "config": {"kind": "event", "event": "page_view"}}],
    "edges": [],
}


@pytest.fixture
def busy_customer(tmp_path: Path) -> tuple[Path, Path]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    profile = {
        "customer": {"id": "c-1"},
        "events": [{"type": "page_view", "at": (start + timedelta(minutes=i)).isoformat().replace("+00:00", "Z")}
                   for i in range(1, VISITS + 1)],
    }
    journey, customer = tmp_path / "journey.json", tmp_path / "customer.json"
    journey.write_text(json.dumps(JOURNEY), encoding="utf-8")
    customer.write_text(json.dumps(profile), encoding="utf-8")
    return journey, customer


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_simulate_into_a_closed_pipe_ends_quietly(busy_customer: tuple[Path, Path], fmt: str) -> None:
    journey, customer = busy_customer
    command = [sys.executable, "-m", "app.cli", "simulate", str(journey), "--customer", str(customer),
               "--start", "2026-01-01T00:00:00Z", "--until", "P30D", "--format", fmt]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first = proc.stdout.read(200) if fmt == "json" else proc.stdout.readline()
        proc.stdout.close()
        status = proc.wait(timeout=120)
        err = proc.stderr.read().decode("utf-8", "replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    assert first.startswith(b"Every visit" if fmt == "text" else b'{"journey": "Every visit"')
    assert "Traceback" not in err and "BrokenPipe" not in err and "Broken pipe" not in err, err
    assert err == ""
    assert status == 0


def _run_into_a_closed_pipe(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Standard output is a pipe nobody reads any more: every write to it fails with EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)


def test_a_short_output_into_a_closed_pipe_ends_quietly(busy_customer: tuple[Path, Path]) -> None:
    """A few lines stay in Python's buffer until the end: the failing write is the last flush."""
    journey, customer = busy_customer
    result = _run_into_a_closed_pipe(["simulate", str(journey), "--customer", str(customer),
                                      "--start", "2026-01-01T00:00:00Z", "--until", "PT3M"])
    assert result.stderr == ""
    assert result.returncode == 0

