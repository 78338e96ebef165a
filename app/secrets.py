"""Passwords and tokens (SMTP password, webhook token, API token) kept out of the database.

The shop database gets copied, backed up and attached to support requests; a password in it
would travel with it. So secrets go to the operating system's keyring (macOS Keychain, Windows
Credential Manager, the Secret Service of GNOME/KDE) under the service "journey-builder",
through the `keyring` package, and the database stores only the name of the secret.

When no keyring backend is available, which is common on a headless Linux machine running
`journey-builder run` (no desktop session, no D-Bus Secret Service), secrets fall back to a
JSON file in the user's config folder (`<user config dir>/journey-builder/secrets.json`),
created with 0600 permissions (readable by this user only) in a 0700 folder. That is no
better protected than an SSH key, and a warning in the log says so once; pass
`allow_file=False` to get a `SecretStoreError` instead. `secret_store()` tells the settings
dialog where secrets currently go. Values are never logged; only names are.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path

import keyring
import keyring.errors
import platformdirs

log = logging.getLogger(__name__)

SERVICE = "journey-builder"
FILE_NAME = "secrets.json"
_lock = threading.Lock()
_warned = False


class SecretStoreError(RuntimeError):
    """No place to keep a secret: no keyring backend, and the fallback file not allowed or not writable."""


def fallback_path() -> Path:
    """The file used when there is no keyring: `<user config dir>/journey-builder/secrets.json`."""
    return Path(platformdirs.user_config_dir(SERVICE, appauthor=False)) / FILE_NAME


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not name.strip():
        raise ValueError("a secret needs a name, like 'smtp_password'")


def _backend_name() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _keyring_usable() -> bool:
    """Whether the selected backend can work at all (the 'fail' backend and priority < 1 cannot)."""
    try:
        backend = keyring.get_keyring()
        priority = getattr(type(backend), "priority", 0)
        return float(priority) > 0 and "fail" not in type(backend).__module__
    except Exception:  # noqa: BLE001 - a broken backend module counts as no backend
        return False


def _warn_fallback(reason: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        log.warning("no OS keyring is available (%s); secrets are kept in %s, readable by this user only",
                    reason, fallback_path())


def _read_file() -> dict[str, str]:
    path = fallback_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise SecretStoreError(f"{path}: the secrets file cannot be read ({exc.__class__.__name__})") from None
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_file(data: dict[str, str]) -> None:
    path = fallback_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = path.with_name(f".{FILE_NAME}.{os.getpid()}.part")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(partial, 0o600)  # in case the file existed with wider permissions
        os.replace(partial, path)
    except OSError as exc:
        raise SecretStoreError(f"no OS keyring is available and {path} cannot be written "
                               f"({exc.strerror or exc.__class__.__name__}); install and unlock a keyring "
                               "(GNOME Keyring, KWallet) or make the folder writable") from None


def secret_store() -> str:
    """Where secrets go now, in words for the settings dialog."""
    if _keyring_usable():
        return f"the system keyring ({_backend_name()})"
    return f"the file {fallback_path()} (no system keyring available)"


def set_secret(name: str, value: str, *, allow_file: bool = True) -> str:
    """Stores `value` under `name`; returns "keyring" or "file" (where it went)."""
    _check_name(name)
    if not isinstance(value, str):
        raise TypeError("a secret must be a string")
    reason = "no backend installed"
    if _keyring_usable():
        try:
            keyring.set_password(SERVICE, name, value)
        except Exception as exc:  # noqa: BLE001 - locked, no D-Bus, denied: all mean "use the fallback"
            reason = f"{_backend_name()} failed: {exc.__class__.__name__}"
        else:
            _forget_in_file(name)  # a copy from a time without keyring must not linger in clear text
            log.info("secret %r stored in the system keyring", name)
            return "keyring"
    if not allow_file:
        raise SecretStoreError(f"no OS keyring is available to store {name!r} ({reason})")
    _warn_fallback(reason)
    with _lock:
        data = _read_file()
        data[name] = value
        _write_file(data)
    log.info("secret %r stored in %s", name, fallback_path())
    return "file"


def get_secret(name: str, *, allow_file: bool = True) -> str | None:
    """The secret stored under `name`, or None when there is none."""
    _check_name(name)
    if _keyring_usable():
        try:
            value = keyring.get_password(SERVICE, name)
        except Exception as exc:  # noqa: BLE001
            log.debug("keyring lookup of %r failed: %s", name, exc.__class__.__name__)
        else:
            if value is not None:
                return value
    if not allow_file:
        return None
    with _lock:
        return _read_file().get(name)


def delete_secret(name: str) -> None:
    """Removes `name` from the keyring and the fallback file; no error when it is not there."""
    _check_name(name)
    if _keyring_usable():
        try:
            keyring.delete_password(SERVICE, name)
        except Exception:  # noqa: BLE001 - not there, or no backend: nothing to delete
            pass
    _forget_in_file(name)


def _forget_in_file(name: str) -> None:
    with _lock:
        if not fallback_path().exists():
            return
        try:
            data = _read_file()
        except SecretStoreError:
            return
        if name in data:
            del data[name]
            _write_file(data)
