"""WebhookChannel against a real HTTP server on loopback: payload, auth, retries, mapping."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from engine.channels import Channel, OutgoingMessage
from engine.channels.webhook import WebhookChannel

TOKEN = "tok-3f9a-never-log-me"


class Gateway(ThreadingHTTPServer):
    """Answers from a script of (status, body, delay) and records every request."""

    daemon_threads = True

    def __init__(self, script: list[tuple[int, Any, float]]) -> None:
        super().__init__(("127.0.0.1", 0), _GatewayHandler)
        self.script = list(script)
        self.requests: list[dict[str, Any]] = []


class _GatewayHandler(BaseHTTPRequestHandler):
    server: Gateway

    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests.append({"headers": dict(self.headers), "json": json.loads(body), "path": self.path})
        status, answer, delay = self.server.script.pop(0) if self.server.script else (200, {}, 0.0)
        if delay:
            time.sleep(delay)
        raw = json.dumps(answer).encode() if not isinstance(answer, bytes) else answer
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)
        except OSError:
            pass  # the client gave up (timeout test)


@contextmanager
def gateway(*script: tuple[int, Any, float]) -> Iterator[tuple[Gateway, str]]:
    server = Gateway(list(script))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}/hooks/sms"
    finally:
        server.shutdown()
        server.server_close()


def sms(key: str = "j/s/c-1") -> OutgoingMessage:
    return OutgoingMessage(key, "sms", "+4915112345678", text="Your cart is waiting")


def test_2xx_is_sent_with_the_provider_id_and_the_request_is_well_formed() -> None:
    sleeps: list[float] = []
    with gateway((201, {"id": "SM123"}, 0)) as (server, url):
        channel = WebhookChannel(url, token=TOKEN, sleep=sleeps.append)
        assert isinstance(channel, Channel)
        result = channel.send(sms())
    assert result.status == "sent" and result.provider_id == "SM123"
    request = server.requests[0]
    assert request["path"] == "/hooks/sms"
    assert request["json"] == {"channel": "sms", "to": "+4915112345678", "message_key": "j/s/c-1",
                               "text": "Your cart is waiting"}
    assert request["headers"]["Authorization"] == f"Bearer {TOKEN}"
    assert request["headers"]["Idempotency-Key"] == "j/s/c-1"
    assert request["headers"]["Content-Type"].startswith("application/json")
    assert sleeps == []


def test_push_payload() -> None:
    with gateway((200, {"message_id": 77}, 0)) as (server, url):
        result = WebhookChannel(url).send(OutgoingMessage("k", "push", "device-1", title="Cart", body="Back?",
                                                          url="https://shop.example/cart"))
    assert result.status == "sent" and result.provider_id == "77"
    assert server.requests[0]["json"] == {"channel": "push", "to": "device-1", "message_key": "k", "title": "Cart",
                                          "body": "Back?", "url": "https://shop.example/cart"}
    assert "Authorization" not in server.requests[0]["headers"]


def test_5xx_is_retried_with_backoff_then_succeeds() -> None:
    sleeps: list[float] = []
    with gateway((503, {"error": "overloaded"}, 0), (500, b"oops", 0), (200, {"sid": "ok-1"}, 0)) as (server, url):
        result = WebhookChannel(url, retries=3, backoff=0.5, sleep=sleeps.append).send(sms())
    assert result.status == "sent" and result.provider_id == "ok-1"
    assert len(server.requests) == 3
    assert sleeps == [0.5, 1.0]
    assert {r["headers"]["Idempotency-Key"] for r in server.requests} == {"j/s/c-1"}


def test_5xx_every_time_is_temporary_after_the_retries() -> None:
    sleeps: list[float] = []
    with gateway(*[(502, {"error": "bad gateway"}, 0)] * 3) as (server, url):
        result = WebhookChannel(url, retries=2, backoff=0.1, sleep=sleeps.append).send(sms())
    assert result.status == "temporary"
    assert "502" in result.detail and "bad gateway" in result.detail and "after 3 attempts" in result.detail
    assert len(server.requests) == 3 and sleeps == [0.1, 0.2]


def test_4xx_is_permanent_and_not_retried() -> None:
    with gateway((400, {"error": "invalid phone number"}, 0)) as (server, url):
        result = WebhookChannel(url, sleep=lambda s: None).send(sms())
    assert result.status == "permanent"
    assert result.detail.endswith("answered 400: invalid phone number")
    assert len(server.requests) == 1


def test_a_wrong_token_is_temporary_and_says_so_without_showing_it(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with gateway((401, {"error": "unauthorized"}, 0)) as (server, url):
        channel = WebhookChannel(url, token=TOKEN, sleep=lambda s: None)
        result = channel.send(sms())
        logging.getLogger("test").debug("channel %r result %r", channel, result)
    assert result.status == "temporary" and "check the webhook token" in result.detail
    assert len(server.requests) == 1
    assert TOKEN not in caplog.text and TOKEN not in result.detail and TOKEN not in repr(channel)


def test_429_honours_retry_after() -> None:
    sleeps: list[float] = []
    with gateway((429, {"error": "slow down"}, 0), (200, {}, 0)) as (server, url):
        result = WebhookChannel(url, sleep=sleeps.append).send(sms())
    assert result.status == "sent" and result.provider_id is None
    assert sleeps == [0.5]  # no Retry-After header: the backoff


def test_a_timeout_is_retried_then_temporary() -> None:
    sleeps: list[float] = []
    with gateway((200, {}, 1.0), (200, {}, 1.0)) as (server, url):
        result = WebhookChannel(url, timeout=0.3, retries=1, backoff=0.05, sleep=sleeps.append).send(sms())
    # Both answers would have come (200, after 1 s): "temporary" shows the channel gave up first.
    assert result.status == "temporary"
    assert "did not answer within 0.3 s" in result.detail
    assert len(server.requests) == 2 and sleeps == [0.05]


def test_an_unreachable_gateway_is_temporary_and_the_url_password_is_hidden() -> None:
    result = WebhookChannel("http://user:pw123@127.0.0.1:9/hook?key=abc", retries=0).send(sms())
    assert result.status == "temporary"
    assert "connection refused" in result.detail
    assert "pw123" not in result.detail and "abc" not in result.detail


def test_wrong_channel_and_bad_url() -> None:
    with pytest.raises(ValueError):
        WebhookChannel("ftp://example.org/x")
    result = WebhookChannel("http://127.0.0.1:9/").send(OutgoingMessage("k", "email", "a@example.org"))
    assert result.status == "permanent"
