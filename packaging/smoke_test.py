"""Smoke test of the Linux bundle as a shop owner gets it: the tarball unpacked into an empty
folder, started with no Python at all.

    python packaging/smoke_test.py dist/JourneyBuilder-<version>-linux-<arch>.tar.gz [--keep]

Run it with the build venv's Python (it uses aiosmtpd from there as the shop's mail server).
The bundle itself runs with an environment of a few variables only (HOME, LANG, XDG folders, a
PATH of one empty folder, no PYTHON* or VIRTUAL_ENV), and, when this runs as root, in a
mount namespace where every Python on the machine is hidden: the interpreter and venv running
this script, the system's /usr/bin/python3* and /usr/lib/python3*, and the source checkout (and
/usr/share/zoneinfo, which Windows lacks). So the bundle can only use what it carries. Without root the same commands run with those folders
still on disk, and the test says so; the loaded libraries of the sending session are checked
either way.

Checks, in order: sizes under their ceilings; `--screenshot` writes a 1400×900 PNG and seeds
the demo shop in the user data folder; the German translation changes the picture; `validate`
and `simulate` of a gallery journey (a `sent` email, money formatted by Babel for a German
customer); `run --smtp` with its worker process, sending a welcome email to a local SMTP
server and stopping cleanly on SIGTERM; an "upgrade" to a fresh copy in another folder, through
`install-desktop.sh` and the ~/.local/bin link, keeps the shop. Exit status 0 only if all pass.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "resources" / "journeys"
SCREENSHOT_SIZE = (1400, 900)  # app.gui.SCREENSHOT_SIZE
# Ceilings with room for growth but not for an accident (a second Qt binding, a test tool, a
# debug build): measured 250 MB unpacked and 99 MB packed for 0.1.0 before the email previews;
# QtWebEngine (Chromium: libQt6WebEngineCore alone is 186 MB, with its resources, ICU data and
# the system libraries it links) brought it to 517 MB and 221 MB (docs/packaging.md).
MAX_UNPACKED_MB = 600
MAX_TARBALL_MB = 250
SYSTEM_PATH = "/usr/bin:/bin"
SYSTEM_ZONEINFO = Path("/usr/share/zoneinfo")
STEP_TIMEOUT = 120  # seconds; the first start seeds 3,000 demo customers in about 15

# A customer of the abandoned-cart journey; German locale, so the cart total reads "74,50 €".
PROFILE = {
    "customer": {"id": "c-17", "email": "anna@example.org", "first_name": "Anna", "timezone": "Europe/Berlin",
                 "locale": "de", "signup_at": "2025-01-10T09:00:00Z",
                 "consent": {"email": True, "sms": True, "push": False}},
    "orders": [{"id": "o-1", "placed_at": "2026-05-01T12:00:00Z", "total": 180.0, "currency": "EUR"}],
    "events": [{"type": "cart_abandoned", "at": "2026-11-02T18:00:00Z", "properties": {"cart_value": 74.5}}],
}


class Failed(Exception):
    pass


def check(condition: object, message: str) -> None:
    if not condition:
        raise Failed(message)


class Bundle:
    """Runs the unpacked bundle with a bare environment, inside the namespace that hides Python."""

    def __init__(self, folder: Path, home: Path, hidden: list[Path]) -> None:
        self.folder = folder
        self.home = home
        self.hidden = hidden
        empty_bin = home / "empty-bin"
        runtime = home / "runtime"
        for path in (empty_bin, runtime, home / "work"):
            path.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        self.env = {
            "HOME": str(home),
            "PATH": str(empty_bin),
            "LANG": "C.UTF-8",
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(runtime),
            "QT_QPA_PLATFORM": "offscreen",
        }

    @property
    def data_dir(self) -> Path:
        return Path(self.env["XDG_DATA_HOME"]) / "journey-builder"

    def command(self, program: Path, *args: str) -> list[str]:
        if not self.hidden:
            return [str(program), *args]
        # Each hidden folder gets an empty tmpfs over it, each hidden file /dev/null; only in this
        # private mount namespace, so nothing outside the test sees a change.
        mount = shlex.quote(shutil.which("mount") or "/bin/mount")
        script = "".join(f"{mount} -t tmpfs none {shlex.quote(str(p))} && " if p.is_dir()
                         else f"{mount} --bind /dev/null {shlex.quote(str(p))} && " for p in self.hidden)
        return [shutil.which("unshare") or "/usr/bin/unshare", "--mount", "--propagation", "private",
                "/bin/sh", "-c", script + 'exec "$@"', "sh", str(program), *args]

    def run(self, *args: str, program: Path | None = None, path: str | None = None,
            timeout: float = STEP_TIMEOUT) -> subprocess.CompletedProcess:
        env = self.env if path is None else {**self.env, "PATH": path}
        return subprocess.run(self.command(program or self.folder / "journey-builder", *args), env=env,
                              cwd=self.home / "work", capture_output=True, text=True, timeout=timeout)

    def start(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(self.command(self.folder / "journey-builder", *args), env=self.env,
                                cwd=self.home / "work", stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def ok(result: subprocess.CompletedProcess, what: str) -> str:
    check(result.returncode == 0, f"{what}: exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result.stdout


def brand_pixels(path: Path) -> int:
    """Pixels (one in four sampled) of a designed email's default brand colour (#2f6f4f) in a
    screenshot: its heading and button. Nothing else in the window has that colour, so they
    are there only if QtWebEngine drew the page."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            if abs(colour.red() - 0x2F) + abs(colour.green() - 0x6F) + abs(colour.blue() - 0x4F) < 24:
                count += 1
    return count


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def disk_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def pythons_to_hide() -> list[Path]:
    """Every Python this machine has that the bundle could fall back on, the source tree, and the
    system's time zone database (so zoneinfo must use the bundled tzdata, as on Windows)."""
    candidates = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix), ROOT, SYSTEM_ZONEINFO}
    for pattern in ("usr/bin/python3*", "usr/lib/python3*", "usr/local/bin/python3*", "usr/local/lib/python3*"):
        candidates.update(Path("/").glob(pattern))
    present = sorted(p for p in candidates if p.exists() and not p.is_symlink())
    # A folder inside another hidden one is hidden with it (and could not be mounted over).
    return [p for p in present if not any(other != p and other in p.parents for other in present)]


def can_hide() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
                            "mount -t tmpfs none /mnt"], capture_output=True)
    return probe.returncode == 0


def unpack(tarball: Path, into: Path) -> Path:
    into.mkdir(parents=True)
    with tarfile.open(tarball) as tar:
        tar.extractall(into, filter="tar")
    (folder,) = into.iterdir()
    return folder


def shop_counts(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("customers", "journeys", "outbox")}


def consenting_customer(db: Path) -> str:
    with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as conn:
        row = conn.execute("SELECT id FROM customers WHERE consent_email AND NOT email_bounced AND email IS NOT NULL "
                           "ORDER BY id LIMIT 1").fetchone()
    check(row, "the demo shop has no customer who takes email")
    return row[0]


class Inbox:
    def __init__(self) -> None:
        self.recipients: list[str] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        self.recipients.extend(envelope.rcpt_tos)
        return "250 OK"


class LoopbackSmtp(Controller):
    """Port 0, read back once bound, so parallel runs never collide on a port."""

    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def descendants(pid: int) -> list[int]:
    """Children, grandchildren…, from each process's parent id in /proc/PID/stat."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # ended meanwhile
            parents[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        kids = [child for child, parent in parents.items() if parent == current]
        found.extend(kids)
        frontier.extend(kids)
    return found


def wait_for(condition: Callable[[], object], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise Failed(f"timed out after {seconds:.0f} s waiting for {what}")
        time.sleep(0.1)


def mapped_files(pid: int) -> set[str]:
    files = set()
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        parts = line.split(maxsplit=5)
        if len(parts) == 6 and parts[5].startswith("/"):
            files.add(parts[5])
    return files


def check_sending_session(bundle: Bundle, log: Callable[[str], None]) -> None:
    """`run --smtp` from the bundle: its worker starts, a signup is emailed, SIGTERM stops all.

    The gallery's Welcome series keeps quiet hours (21:00–08:00 in the shop's zone), which would
    defer the email whenever this test runs in the evening; the journey goes through
    export-journey and import-journey without them, so the test means the same at any hour.
    """
    exported = bundle.home / "work" / "welcome.json"
    ok(bundle.run("export-journey", "Welcome series", str(exported)), "export-journey")
    journey = json.loads(exported.read_text(encoding="utf-8"))
    journey.get("settings", {}).pop("quiet_hours", None)
    exported.write_text(json.dumps(journey), encoding="utf-8")
    ok(bundle.run("import-journey", str(exported)), "import-journey")
    ok(bundle.run("publish", "Welcome series"), "publish")
    db = bundle.data_dir / "shop.sqlite"
    customer = consenting_customer(db)
    inbox = Inbox()
    smtp = LoopbackSmtp(inbox, hostname="127.0.0.1", port=0)
    smtp.start()
    proc = bundle.start("run", "--smtp", f"127.0.0.1:{smtp.port}", "--workers", "1")
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(line.rstrip() for line in proc.stdout), daemon=True)
    reader.start()
    try:
        wait_for(lambda: any(line.startswith("sending session on") for line in lines) or proc.poll() is not None,
                 STEP_TIMEOUT, "the session to start")
        check(proc.poll() is None, "run stopped at once:\n" + "\n".join(lines))
        started_line = next(line for line in lines if line.startswith("sending session on"))
        check(f"on {db}:" in started_line, f"the session uses {started_line!r}, not the user data folder")
        session_pid = _bundle_process(proc.pid, bundle)

        def worker() -> list[int]:
            return [p for p in descendants(session_pid) if "--multiprocessing-fork" in _cmdline(p)]

        wait_for(worker, 60, "the worker process")
        workers = worker()
        for pid in [session_pid, *workers]:
            exe = os.readlink(f"/proc/{pid}/exe")
            check(Path(exe) == bundle.folder / "journey-builder", f"process {pid} runs {exe}, not the bundle")
            libraries = mapped_files(pid)
            pythons = sorted(f for f in libraries if "libpython" in f)
            check(pythons and all(f.startswith(str(bundle.folder)) for f in pythons),
                  f"process {pid} loaded Python from {pythons}")
            outside = sorted(f for f in libraries if f.startswith((sys.prefix, sys.base_prefix, str(ROOT))))
            check(not outside, f"process {pid} loaded files of the build's Python: {outside[:5]}")
        log(f"session pid {session_pid} and worker {workers} run the bundle's executable and libpython only")

        ok(bundle.run("event", "signup", "--customer", customer), "event signup")
        wait_for(lambda: inbox.recipients, 60, "the welcome email at the SMTP server")
        log(f"welcome email delivered by the session to {inbox.recipients[0]}")
        helpers = descendants(session_pid)  # the worker and multiprocessing's resource tracker
        proc.send_signal(signal.SIGTERM)
        check(proc.wait(60) == 0, f"run exit status {proc.returncode} after SIGTERM:\n" + "\n".join(lines))
        reader.join(10)
        check(lines[-1] == "sending session stopped", f"run's last line: {lines[-1:]}")
        wait_for(lambda: not any(Path(f"/proc/{p}").exists() for p in helpers), 30, "the worker to exit")
        log(f"SIGTERM: the session said it stopped, exit status 0, none of its {len(helpers)} helper "
            "processes left behind")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        smtp.stop()


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _bundle_process(pid: int, bundle: Bundle) -> int:
    """The bundle's own process: `pid` itself, or (through unshare and sh, which exec) the same."""
    for candidate in [pid, *descendants(pid)]:
        try:
            if Path(os.readlink(f"/proc/{candidate}/exe")) == bundle.folder / "journey-builder":
                return candidate
        except OSError:
            continue
    raise Failed(f"no process of the bundle under pid {pid}")


def smoke_test(tarball: Path, temp: Path, log: Callable[[str], None]) -> None:
    tarball_mb = tarball.stat().st_size / 1e6
    folder = unpack(tarball, temp / "install-1")
    unpacked_mb = disk_mb(folder)
    log(f"bundle {unpacked_mb:.0f} MB unpacked (ceiling {MAX_UNPACKED_MB}), "
        f"{tarball_mb:.0f} MB as {tarball.name} (ceiling {MAX_TARBALL_MB})")
    check(unpacked_mb <= MAX_UNPACKED_MB, f"the bundle grew to {unpacked_mb:.0f} MB (ceiling {MAX_UNPACKED_MB})")
    check(tarball_mb <= MAX_TARBALL_MB, f"the tarball grew to {tarball_mb:.0f} MB (ceiling {MAX_TARBALL_MB})")
    for name in ("journey-builder", "AppRun", "journey-builder.desktop", "journey-builder.svg", ".DirIcon",
                 "install-desktop.sh"):
        check((folder / name).exists(), f"{name} is missing from the bundle")

    hidden = pythons_to_hide() if can_hide() else []
    home = temp / "home"
    bundle = Bundle(folder, home, hidden)
    if hidden:
        proof = [bundle.run("-c", "pass", program=Path(sys.executable)),
                 bundle.run("-c", "pass", program=Path("/usr/bin/python3"))]
        check(all(r.returncode != 0 for r in proof), "Python is still runnable inside the test's namespace")
        log(f"hidden from the bundle: every Python, the checkout and the system's time zones ({len(hidden)} "
            f"paths: {', '.join(map(str, hidden))}); this interpreter and /usr/bin/python3 fail to start there")
    else:
        log("NOT hidden: not root or no unshare, so Python stayed on disk; only the environment is bare")
    log(f"environment of the bundle: {' '.join(sorted(bundle.env))}")

    work = home / "work"
    (work / "journeys").mkdir()
    for name in ("04-abandoned-cart-advanced.json", "01-welcome-series.json"):
        shutil.copy2(GALLERY / name, work / "journeys" / name)
    (work / "anna.json").write_text(json.dumps(PROFILE), encoding="utf-8")

    started = time.monotonic()
    ok(bundle.run("--screenshot", "shot-en.png", "--open", "Abandoned cart (advanced)"), "--screenshot (first start)")
    size = png_size(work / "shot-en.png")
    check(size == SCREENSHOT_SIZE, f"screenshot is {size}, not {SCREENSHOT_SIZE}")
    db = bundle.data_dir / "shop.sqlite"
    check(db.is_file(), f"no shop database in the user data folder {bundle.data_dir}")
    seeded = shop_counts(db)
    check(seeded["customers"] > 0 and seeded["journeys"] >= 10, f"the first start did not seed the demo: {seeded}")
    log(f"--screenshot: {size[0]}×{size[1]} PNG, {(work / 'shot-en.png').stat().st_size} bytes, first start "
        f"{time.monotonic() - started:.1f} s, seeded {seeded} in {db}")

    ok(bundle.run("--screenshot", "shot-de.png", "--open", "Abandoned cart (advanced)", "--language", "de"),
       "--screenshot --language de")
    check((work / "shot-de.png").read_bytes() != (work / "shot-en.png").read_bytes(),
          "the German screenshot is the English one: the translation did not load")
    log("--language de: the window differs from the English one (translations load)")

    # The email preview is Chromium (QtWebEngine) in a process of its own: the bundle must carry
    # QtWebEngineProcess, its resources and locales, and really draw a designed email with them.
    started = time.monotonic()
    ok(bundle.run("--screenshot", "shot-email.png", "--open", "Abandoned cart (advanced)", "--select",
                  "mail-1-regular"), "--screenshot --select (the email preview)")
    drawn = brand_pixels(work / "shot-email.png")
    # The heading alone gives about 40 (the button may be below the preview's fold in a 900-pixel
    # window whose message form has grown); a page that was not drawn gives 0.
    check(drawn > 20, f"the email preview was not drawn ({drawn} pixels of the brand colour)")
    log(f"--select mail-1-regular: the designed email drawn by QtWebEngine ({drawn} pixels of its brand "
        f"colour) in {time.monotonic() - started:.1f} s")

    ok(bundle.run("validate", "journeys/04-abandoned-cart-advanced.json"), "validate")
    log("validate journeys/04-abandoned-cart-advanced.json: exit 0")
    out = ok(bundle.run("simulate", "journeys/04-abandoned-cart-advanced.json", "--customer", "anna.json",
                        "--start", "2026-11-02T18:00:00Z", "--format", "json"), "simulate")
    sent = [s for s in json.loads(out)["steps"] if s.get("event") == "sent"]
    check(sent, f"simulate sent nothing:\n{out[:2000]}")
    check("74,50" in sent[0]["body"], "the cart total is not formatted for German (Babel's locale data?)")
    log(f"simulate: {len(sent)} sent message(s), first {sent[0]['subject']!r} with the total in German format")

    copy = json.loads((GALLERY / "01-welcome-series.json").read_text(encoding="utf-8"))
    copy["name"] = "Smoke test journey"
    (work / "mine.json").write_text(json.dumps(copy), encoding="utf-8")
    ok(bundle.run("import-journey", "mine.json"), "import-journey")

    check_sending_session(bundle, log)
    before = shop_counts(db)
    check(before["outbox"] >= 1, f"the sent welcome email is not in the shop's outbox: {before}")

    # The upgrade: a new copy in another folder, the old one deleted, the menu entry moved over.
    shutil.rmtree(temp / "install-1")
    upgraded = unpack(tarball, temp / "install-2")
    bundle.folder = upgraded
    # A shell script: it needs the coreutils on PATH (Python there is hidden, when it can be).
    ok(bundle.run(program=upgraded / "install-desktop.sh", path=SYSTEM_PATH), "install-desktop.sh")
    entry = Path(bundle.env["XDG_DATA_HOME"]) / "applications" / "journey-builder.desktop"
    check(f'Exec="{upgraded}/journey-builder"' in entry.read_text(encoding="utf-8"), "the menu entry's Exec")
    check((Path(bundle.env["XDG_DATA_HOME"]) / "icons/hicolor/scalable/apps/journey-builder.svg").is_file(), "icon")
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        check(result.returncode == 0 and not result.stdout.strip(), f"desktop-file-validate: {result.stdout}")
        log("desktop-file-validate: the installed menu entry is valid")
    else:
        log("desktop-file-validate not installed: the menu entry was not validated")
    link = home / ".local" / "bin" / "journey-builder"
    ok(bundle.run("export-journey", "Smoke test journey", "exported.json", program=link), "export-journey")
    check(json.loads((work / "exported.json").read_text(encoding="utf-8"))["name"] == "Smoke test journey",
          "the exported journey")
    ok(bundle.run("--screenshot", "shot-again.png"), "--screenshot (second start, new folder)")
    after = shop_counts(db)
    check(after == before, f"the shop changed on the second start: {before} → {after}")
    log(f"upgrade to a fresh folder via install-desktop.sh and ~/.local/bin: the shop is kept ({after})")
    ok(bundle.run("--uninstall", program=upgraded / "install-desktop.sh", path=SYSTEM_PATH),
       "install-desktop.sh --uninstall")
    check(not entry.exists() and not link.exists() and db.is_file(), "uninstall removed the entry, kept the data")
    log("install-desktop.sh --uninstall: menu entry and link gone, the shop still there")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path, help="the Linux bundle made by packaging/build.py")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    args = parser.parse_args(argv)
    started = time.monotonic()

    def log(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f} s] {message}", flush=True)

    temp = Path(tempfile.mkdtemp(prefix="journey-builder-smoke-"))
    try:
        smoke_test(args.tarball.resolve(), temp, log)
    except (Failed, subprocess.TimeoutExpired) as exc:
        print(f"\nSMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept {temp}")
        else:
            shutil.rmtree(temp, ignore_errors=True)
    log("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
