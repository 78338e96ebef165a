"""app.secrets: the OS keyring when there is one, a 0600 file when there is none, never a log line."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.backends.fail
import pytest

from app import secrets
from engine.channels import OutgoingMessage
from engine.channels.smtp import SmtpChannel, SmtpConfig


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict, so tests never touch the machine's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_secrets_go_to_the_keyring(memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    assert secrets.set_secret("smtp_password", "pa55-word-xyz") == "keyring"
    assert memory_keyring.store[("journey-builder", "smtp_password")] == "pa55-word-xyz"
    assert secrets.get_secret("smtp_password") == "pa55-word-xyz"
    assert secrets.get_secret("other") is None
    assert not secrets.fallback_path().exists()
    assert "system keyring" in secrets.secret_store()
    secrets.delete_secret("smtp_password")
    assert secrets.get_secret("smtp_password") is None
    assert "pa55-word-xyz" not in caplog.text


def test_without_a_keyring_a_private_file_is_used(no_keyring: None, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    assert secrets.set_secret("webhook_token", "tok-abc-123") == "file"
    path = secrets.fallback_path()
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secrets.get_secret("webhook_token") == "tok-abc-123"
    assert str(path) in secrets.secret_store()
    secrets.delete_secret("webhook_token")
    assert secrets.get_secret("webhook_token") is None
    assert "tok-abc-123" not in caplog.text


def test_the_fallback_can_be_refused(no_keyring: None) -> None:
    with pytest.raises(secrets.SecretStoreError, match="no OS keyring"):
        secrets.set_secret("x", "y", allow_file=False)
    assert secrets.get_secret("x", allow_file=False) is None


def test_a_keyring_arriving_later_takes_the_secret_out_of_the_file(no_keyring: None) -> None:
    secrets.set_secret("smtp_password", "first")
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    secrets.set_secret("smtp_password", "second")
    assert "smtp_password" not in secrets.fallback_path().read_text(encoding="utf-8")
    assert secrets.get_secret("smtp_password") == "second"


def test_names_are_checked() -> None:
    with pytest.raises(ValueError):
        secrets.set_secret(" ", "v")
    with pytest.raises(TypeError):
        secrets.set_secret("n", 5)  # type: ignore[arg-type]


def test_a_password_from_the_keyring_never_reaches_the_logs_while_sending(
        memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secrets.set_secret("smtp_password", "kr-secret-987")
    config = SmtpConfig(host="127.0.0.1", port=9, security="none", username="shop",
                        password=secrets.get_secret("smtp_password"), sender="n@shop.example", timeout=1)
    channel = SmtpChannel(config)
    result = channel.send(OutgoingMessage("k", "email", "a@example.org", text="t"))
    logging.getLogger("test").debug("%r %r %s", config, result, result.detail)
    assert result.status == "temporary"
    assert "kr-secret-987" not in caplog.text
