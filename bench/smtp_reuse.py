"""SMTP throughput: one reused connection against a new connection per message.

    .venv/bin/python bench/smtp_reuse.py                 # 5 rounds of 500 messages each way
    .venv/bin/python bench/smtp_reuse.py --messages 300 --rounds 3 --json out.json

A real aiosmtpd server runs in a SEPARATE PROCESS (this script with --serve), on 127.0.0.1,
with STARTTLS required and a login required after it, using a self-signed certificate made
for the run. The client is the app's own `SmtpChannel` with security="starttls", a login and
certificate checking on: once with `max_messages_per_connection` = the number of messages (one
reused connection), once with 1 (connect, EHLO, STARTTLS, EHLO, AUTH, send, QUIT per message).
The two ways alternate, round after round, and the median round of each is reported (with
the best and worst): on a shared machine a neighbour's burst then hits both ways alike instead
of whichever ran during it. Before each round's run it waits for an idle machine (`--wait-idle`)
and prints the run's messages/s, wall and client CPU time and the load average; then messages/s
for both ways (median, best, worst) and the ratio of the medians, and the server process's CPU
time over the whole bench. The server's count of received messages is checked.
Targets: reuse ≥ 2.5× a connection per message, and ≥ 250 messages/s. Figures: docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import json
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from machine_info import add_idle_option, before_run, header, measured  # noqa: E402 - bench/ on the path

USER, PASSWORD = "bench", "bench-password"


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """Self-signed certificate for 127.0.0.1/localhost (the cryptography package, from the test extra)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


# -- the server process -------------------------------------------------------------------------

def serve(cert: Path, key: Path, pipelining: bool) -> int:
    """Runs the server until stdin closes; answers "count" on stdin with the messages received.

    With `pipelining` it advertises PIPELINING (RFC 2920) as Postfix, Exim, Gmail and Exchange
    do; aiosmtpd does not by default, though it reads pipelined commands correctly.
    """
    import logging

    from aiosmtpd.smtp import AuthResult, LoginPassword

    from engine.channels.catcher import LoopbackController

    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd logs a deprecation on every login

    class Counter:
        received = 0

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            Counter.received += 1
            return "250 OK"

        if pipelining:
            async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str,
                                  responses: list[str]) -> list[str]:
                session.host_name = hostname
                return [*responses[:-1], "250-PIPELINING", responses[-1]]

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login == USER.encode() and data.password == PASSWORD.encode()
        return AuthResult(success=ok, handled=False)

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    controller = LoopbackController(Counter(), tls_context=context, require_starttls=True,
                                    authenticator=authenticate, auth_required=True)
    controller.start()
    print(controller.port, flush=True)
    try:
        for line in sys.stdin:
            if line.strip() == "count":
                print(Counter.received, flush=True)
    finally:
        controller.stop()
    return 0


# -- the client ---------------------------------------------------------------------------------

def run_mode(port: int, cert: Path, messages: int, per_connection: int) -> dict[str, Any]:
    from engine.channels import OutgoingMessage
    from engine.channels.smtp import SmtpChannel, SmtpConfig

    config = SmtpConfig(host="127.0.0.1", port=port, security="starttls", username=USER, password=PASSWORD,
                        sender="news@shop.example", sender_name="Bench Shop", timeout=30,
                        max_messages_per_connection=per_connection,
                        ssl_context=ssl.create_default_context(cafile=str(cert)))
    channel = SmtpChannel(config)
    body = ("Hello {name},\n\nyour cart is still waiting for you. " * 8).strip()
    failures = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for n in range(messages):
        result = channel.send(OutgoingMessage(f"bench/{per_connection}/{n}", "email", f"customer{n}@example.org",
                                              subject=f"Your cart, customer {n}", text=body.format(name=n),
                                              unsubscribe_url=f"http://127.0.0.1:8765/unsubscribe?c={n}"))
        failures += result.status != "sent"
    channel.close()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {"messages": messages, "failures": failures, "connections": channel.connections_opened,
            "wall_s": wall, "client_cpu_s": cpu, "per_s": messages / wall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=500, help="messages per way and round (default 500)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, alternating the two ways (default 5)")
    parser.add_argument("--warmup", type=int, default=20, help="messages sent first and not timed")
    parser.add_argument("--json", metavar="OUT", help="write the figures as JSON")
    parser.add_argument("--no-pipelining", action="store_true",
                        help="the server does not advertise PIPELINING (four round trips per message)")
    parser.add_argument("--serve", nargs=2, metavar=("CERT", "KEY"), help=argparse.SUPPRESS)
    add_idle_option(parser)
    args = parser.parse_args(argv)
    if args.serve:
        return serve(Path(args.serve[0]), Path(args.serve[1]), not args.no_pipelining)

    header()
    labels = {"reused": "one reused connection", "per_message": "a connection per message"}
    with tempfile.TemporaryDirectory(prefix="smtp-bench-") as tmp, measured() as whole:
        cert, key = make_certificate(Path(tmp))
        extra = ["--no-pipelining"] if args.no_pipelining else []
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(cert), str(key), *extra],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        try:
            assert server.stdout is not None and server.stdin is not None
            port = int(server.stdout.readline())
            run_mode(port, cert, args.warmup, args.warmup)
            rounds: dict[str, list[dict[str, Any]]] = {"reused": [], "per_message": []}
            for round_ in range(1, max(1, args.rounds) + 1):
                for way, per_connection in (("reused", max(1, args.messages)), ("per_message", 1)):
                    note = before_run(args.wait_idle)
                    result = {**run_mode(port, cert, args.messages, per_connection), "note": note}
                    rounds[way].append(result)
                    print(f"round {round_}: {labels[way]:>24}: {result['per_s']:,.0f} messages/s (wall "
                          f"{result['wall_s']:.2f} s, client CPU {result['client_cpu_s']:.2f} s) [{note}]", flush=True)
            server.stdin.write("count\n")
            server.stdin.flush()
            received = int(server.stdout.readline())
        finally:
            if server.stdin:
                server.stdin.close()
            server.wait(timeout=30)

    failures = sum(r["failures"] for runs in rounds.values() for r in runs)
    expected = args.warmup + 2 * args.messages * max(1, args.rounds) - failures
    summary = {way: _summary(runs) for way, runs in rounds.items()}
    reused, fresh = summary["reused"], summary["per_message"]
    ratio = reused["median_per_s"] / fresh["median_per_s"]
    print(f"server: aiosmtpd in process {server.pid}, STARTTLS required, AUTH PLAIN after TLS, "
          f"PIPELINING {'not ' if args.no_pipelining else ''}advertised, 127.0.0.1:{port}; its CPU over the "
          f"whole bench (warm-up and idle waits included) {whole.children_cpu:.2f} s")
    print(f"{max(1, args.rounds)} rounds of {args.messages} messages each way, alternating")
    for label, figures in ((labels["reused"], reused), (labels["per_message"], fresh)):
        print(f"{label:>25}: median {figures['median_per_s']:,.0f} messages/s (best {figures['best_per_s']:,.0f}, "
              f"worst {figures['worst_per_s']:,.0f}); {figures['connections']:.0f} connection(s) per round, "
              f"median wall {figures['median_wall_ms']:.2f} ms/message, client CPU {figures['client_cpu_ms']:.2f} "
              "ms/message")
    print(f"ratio: {ratio:.1f}x (target >= 2.5x: {'met' if ratio >= 2.5 else 'NOT met'}); "
          f"reuse {reused['median_per_s']:,.0f}/s (target >= 250/s: "
          f"{'met' if reused['median_per_s'] >= 250 else 'NOT met'})")
    print(f"server received {received} messages (expected {expected}); {failures} failed")
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "rounds": rounds, "ratio": ratio,
                                               "received": received}, indent=1), encoding="utf-8")
    return 0 if received == expected and not failures else 1


def _summary(runs: list[dict[str, Any]]) -> dict[str, float]:
    rates = sorted(r["per_s"] for r in runs)
    messages = sum(r["messages"] for r in runs)
    return {"median_per_s": statistics.median(rates), "best_per_s": rates[-1], "worst_per_s": rates[0],
            "connections": runs[0]["connections"],
            "median_wall_ms": 1000 * statistics.median(r["wall_s"] / r["messages"] for r in runs),
            "client_cpu_ms": 1000 * sum(r["client_cpu_s"] for r in runs) / messages}


if __name__ == "__main__":
    sys.exit(main())
