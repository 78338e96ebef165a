"""A small authoritative DNS server for the tests: real DNS packets over UDP on a loopback port,
answering TXT questions from a dict, built with dnspython's message API.

Names it does not know get NXDOMAIN, known names asked for another type an empty answer, as a
real server does; a TXT string longer than 255 bytes (a 2048-bit DKIM key) is split into
several strings as DNS requires.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset
from dns.rdtypes.ANY.TXT import TXT


def _chunks(text: str) -> list[bytes]:
    data = text.encode()
    return [data[i:i + 255] for i in range(0, len(data), 255)] or [b""]


@dataclass
class DnsServer:
    host: str
    port: int
    records: dict[str, list[str]]  # name (no trailing dot) → its TXT records
    questions: list[str] = field(default_factory=list)


def _answer(wire: bytes, records: dict[str, list[str]], questions: list[str]) -> bytes | None:
    try:
        query = dns.message.from_wire(wire)
    except dns.exception.DNSException:
        return None
    response = dns.message.make_response(query)
    response.flags |= dns.flags.AA
    for question in query.question:
        name = question.name.to_text(omit_final_dot=True).lower()
        questions.append(name)
        if name not in records:
            response.set_rcode(dns.rcode.NXDOMAIN)
        elif question.rdtype == dns.rdatatype.TXT:
            rrset = dns.rrset.RRset(question.name, dns.rdataclass.IN, dns.rdatatype.TXT)
            for text in records[name]:
                rrset.add(TXT(dns.rdataclass.IN, dns.rdatatype.TXT, _chunks(text)), ttl=300)
            response.answer.append(rrset)
    limit = query.payload if query.edns >= 0 else 512
    try:
        return response.to_wire(max_size=limit)
    except dns.exception.TooBig:
        response.answer.clear()
        response.flags |= dns.flags.TC
        return response.to_wire()


@contextmanager
def dns_server(records: dict[str, list[str]]) -> Iterator[DnsServer]:
    """Serves `records` on 127.0.0.1 (a free UDP port) until the block ends."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.1)
    server = DnsServer("127.0.0.1", sock.getsockname()[1], {k.lower(): v for k, v in records.items()})
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                wire, peer = sock.recvfrom(65535)
            except TimeoutError:
                continue
            except OSError:
                return
            reply = _answer(wire, server.records, server.questions)
            if reply is not None:
                sock.sendto(reply, peer)

    thread = threading.Thread(target=serve, name="test-dns", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stop.set()
        thread.join(5)
        sock.close()
