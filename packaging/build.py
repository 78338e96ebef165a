"""Builds the standalone Journey Builder, a program that runs on a machine without Python.

    python packaging/build.py [--dist DIR] [--work DIR] [--clean]

Run it with the Python of a venv that has the project and its `bundle` extra installed
(`pip install -e '.[bundle]'`): PyInstaller copies the interpreter and the packages it is run
with. It makes, in --dist (default: dist/):

- Linux: `JourneyBuilder-<version>-linux-<arch>/`, the app in one folder that is also an AppDir
  (AppRun, .desktop and icon at its top, so `appimagetool` turns it into an AppImage), with
  `install-desktop.sh` for the menu entry; and the same folder as a `.tar.gz` to hand out.
- macOS: `Journey Builder.app` and `JourneyBuilder-<version>-macos-<arch>.dmg` (hdiutil).
- Windows: `journey-builder/` and, when Inno Setup's ISCC is installed,
  `JourneyBuilder-<version>-windows-x64-setup.exe`.

docs/packaging.md explains the choices; packaging/smoke_test.py checks a Linux build.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "journey-builder.spec"
ICON_SVG = HERE / "icons" / "journey-builder.svg"
NAME = "journey-builder"
ICON_PIXELS = 512  # macOS wants 512 px or more for the Dock; Pillow scales it down for .ico


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the standalone Journey Builder for this system.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the results go (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle",
                        help="PyInstaller's working folder, kept for faster rebuilds (default: build/bundle/)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    args = parser.parse_args(argv)

    try:
        app_version = version(NAME)
        import PyInstaller  # noqa: F401 - only checking that the bundle extra is installed
    except (PackageNotFoundError, ImportError) as exc:
        print(f"build.py: {exc}; install the project with its bundle extra first:\n"
              f"    {sys.executable} -m pip install -e '.[bundle]'", file=sys.stderr)
        return 2

    started = time.monotonic()
    work = args.work.resolve()
    dist = args.dist.resolve()
    work.mkdir(parents=True, exist_ok=True)
    dist.mkdir(parents=True, exist_ok=True)
    icon_png = render_icon(work / "journey-builder.png", ICON_PIXELS)
    frozen = run_pyinstaller(work, app_version, icon_png, clean=args.clean)

    if sys.platform.startswith("linux"):
        products = package_linux(frozen, dist, app_version, icon_png)
    elif sys.platform == "darwin":
        products = package_macos(frozen, dist, app_version)
    elif sys.platform == "win32":
        products = package_windows(frozen, dist, app_version)
    else:
        print(f"build.py: no packaging step for {sys.platform}; the bundle is in {frozen}", file=sys.stderr)
        products = [frozen]

    print(f"\nBuilt Journey Builder {app_version} in {time.monotonic() - started:.0f} s:")
    for product in products:
        print(f"  {product}  {size_mb(product):.1f} MB")
    return 0


def render_icon(target: Path, pixels: int) -> Path:
    """The app icon as PNG, for the formats that take no SVG (AppImage's .DirIcon, .ico, .icns)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # alive while the painter draws
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"build.py: {ICON_SVG} is not a valid SVG")
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"build.py: cannot write {target}")
    return target


def run_pyinstaller(work: Path, app_version: str, icon_png: Path, *, clean: bool) -> Path:
    """The one-folder bundle; on macOS the .app made from it."""
    out = work / "dist"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(out), "--workpath", str(work / "pyinstaller"), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    env = {**os.environ, "JOURNEY_BUILDER_VERSION": app_version, "JOURNEY_BUILDER_ICON_PNG": str(icon_png)}
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    return out / ("Journey Builder.app" if sys.platform == "darwin" else NAME)


def package_linux(frozen: Path, dist: Path, app_version: str, icon_png: Path) -> list[Path]:
    stem = f"JourneyBuilder-{app_version}-linux-{platform.machine()}"
    folder = replace_with(frozen, dist / stem)
    for name in ("journey-builder.desktop", "install-desktop.sh"):
        shutil.copy2(HERE / "linux" / name, folder / name)
    (folder / "install-desktop.sh").chmod(0o755)
    shutil.copy2(ICON_SVG, folder / "journey-builder.svg")
    shutil.copy2(icon_png, folder / "journey-builder.png")
    # What makes the folder an AppDir: appimagetool runs AppRun and shows .DirIcon.
    (folder / "AppRun").symlink_to(NAME)
    (folder / ".DirIcon").symlink_to("journey-builder.png")

    tarball = dist / f"{stem}.tar.gz"
    with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=stem)
    return [folder, tarball]


def package_macos(app: Path, dist: Path, app_version: str) -> list[Path]:
    target = replace_with(app, dist / app.name)
    staging = dist / "dmg-staging"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    shutil.copytree(target, staging / app.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")  # drag the app onto it to install
    dmg = dist / f"JourneyBuilder-{app_version}-macos-{platform.machine()}.dmg"
    subprocess.run(["hdiutil", "create", "-volname", "Journey Builder", "-srcfolder", str(staging),
                    "-fs", "HFS+", "-format", "UDZO", "-ov", str(dmg)], check=True)
    shutil.rmtree(staging)
    return [target, dmg]


def package_windows(frozen: Path, dist: Path, app_version: str) -> list[Path]:
    target = replace_with(frozen, dist / NAME)
    iscc = find_iscc()
    if iscc is None:
        print("build.py: Inno Setup 6 (ISCC.exe) not found, so no installer was made; the app is in "
              f"{target}. Install Inno Setup and run this script again.", file=sys.stderr)
        return [target]
    setup = dist / f"JourneyBuilder-{app_version}-windows-x64-setup.exe"
    subprocess.run([iscc, f"/DAppVersion={app_version}", f"/DSourceDir={target}", f"/O{dist}",
                    f"/F{setup.stem}", str(HERE / "windows" / "journey-builder.iss")], check=True)
    return [target, setup]


def find_iscc() -> str | None:
    """On PATH, else where Inno Setup 6 installs itself (for all users, or for one)."""
    found = shutil.which("iscc")
    if found:
        return found
    for variable, folder in (("ProgramFiles(x86)", ""), ("ProgramFiles", ""), ("LOCALAPPDATA", "Programs")):
        base = os.environ.get(variable)
        candidate = Path(base, folder, "Inno Setup 6", "ISCC.exe") if base else None
        if candidate is not None and candidate.is_file():
            return str(candidate)
    return None


def replace_with(source: Path, target: Path) -> Path:
    """Moves PyInstaller's output to `target`, replacing the result of an earlier build."""
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    shutil.move(str(source), str(target))
    return target


def size_mb(path: Path) -> float:
    """Bytes on disk as shipped: symlinks count as links, not as what they point to."""
    if path.is_file() and not path.is_symlink():
        return path.stat().st_size / 1e6
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


if __name__ == "__main__":
    sys.exit(main())
