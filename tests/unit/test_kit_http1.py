"""kit.http1 against real local servers: keep-alive, framing, failures, the body cap, the
resolver hook and TLS (a certificate for a host name, reached at the address a resolver gave)."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kit.http import failure_kind
from kit.http1 import Broken, Client
from tests.support.replies import CLOSE, serving


async def test_keep_alive_is_reused_and_answers_are_read_whatever_frames_them() -> None:
    replies = [
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
        b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nno\r\n1\r\n!\r\n0\r\n\r\n",
        b"HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 410 Gone\r\nConnection: close\r\n\r\nbye" + CLOSE,
        b"HTTP/1.1 204 No Content\r\n\r\n",
    ]
    server, port, seen = await serving(replies)
    client = Client(connect_timeout_s=1.0, timeout_s=2.0)
    base = f"http://127.0.0.1:{port}"
    try:
        first = await client.request("POST", base, "/hook/a?x=1", {"webhook-id": "e1"}, b'{"a":1}')
        assert (first.status, first.body) == (200, b"ok")
        second = await client.request("POST", base, "/hook/b", {}, b"{}")
        assert (second.status, second.body) == (404, b"no!")  # not 2xx: an answer, not an error
        third = await client.request("POST", base, "/hook/c", {}, b"{}")
        assert (third.status, third.body, len(seen)) == (500, b"", 1)  # one connection so far
        fourth = await client.request("POST", base, "/hook/d", {}, b"{}")
        assert (fourth.status, fourth.body) == (410, b"bye")  # its end is the connection's
        fifth = await client.request("POST", base, "/hook/e", {}, b"{}")
        assert (fifth.status, len(seen)) == (204, 2)  # the server closed: a new connection
    finally:
        await client.close()
        server.close()
    assert seen[0].startswith(
        b"POST /hook/a?x=1 HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nwebhook-id: e1\r\nContent-Length: 7\r\n\r\n"
        b'{"a":1}' % port
    )


async def test_a_connection_the_server_closed_while_idle_is_not_used_again() -> None:
    replies = [
        b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n" + CLOSE,
        b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n",
    ]
    server, port, seen = await serving(replies)
    client = Client(connect_timeout_s=1.0, timeout_s=2.0)
    base = f"http://127.0.0.1:{port}"
    try:
        assert (await client.request("POST", base, "/", {}, b"x")).status == 200
        await asyncio.sleep(0.1)  # the close has arrived
        assert (await client.request("POST", base, "/", {}, b"x")).status == 201
        assert len(seen) == 2
    finally:
        await client.close()
        server.close()


async def test_failures_are_sorted_as_kit_http_sorts_them() -> None:
    server, port, _ = await serving([b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\ncut" + CLOSE])
    client = Client(connect_timeout_s=1.0, timeout_s=0.3)
    try:
        with pytest.raises(Broken) as broken:  # the body ended before its Content-Length
            await client.request("POST", f"http://127.0.0.1:{port}", "/", {}, b"x")
        assert failure_kind(broken.value) == "broken"

        async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.readuntil(b"\r\n\r\n")
            await asyncio.sleep(5)

        slow = await asyncio.start_server(never_answer, "127.0.0.1", 0)
        with pytest.raises(TimeoutError) as late:
            await client.request(
                "POST", f"http://127.0.0.1:{slow.sockets[0].getsockname()[1]}", "/", {}, b"x"
            )
        assert failure_kind(late.value) == "timeout"
        slow.close()
    finally:
        await client.close()
        server.close()


async def test_past_the_body_cap_the_answer_counts_and_the_connection_is_dropped() -> None:
    endless = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + b"1000\r\n" + b"x" * 4096 + b"\r\n"

    async def flood(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(endless)
        try:
            while True:
                writer.write(b"1000\r\n" + b"x" * 4096 + b"\r\n")
                await writer.drain()
        except ConnectionError:
            pass

    server = await asyncio.start_server(flood, "127.0.0.1", 0)
    client = Client(connect_timeout_s=1.0, timeout_s=5.0, max_body=64 * 1024)
    try:
        answer = await client.request(
            "POST", f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", "/", {}, b"x"
        )
        assert answer.status == 200
        assert 64 * 1024 <= len(answer.body) < 64 * 1024 + 70_000
        assert not client._open  # not kept for reuse
    finally:
        await client.close()
        server.close()


async def test_the_resolver_chooses_the_address_and_its_refusal_passes_through() -> None:
    server, port, seen = await serving([b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"])
    asked: list[tuple[str, int]] = []

    async def to_loopback(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["127.0.0.1"]

    class Refused(OSError):
        pass

    async def refuse(host: str, port: int) -> list[str]:
        raise Refused(f"{host} is not allowed")

    resolving = Client(connect_timeout_s=1.0, timeout_s=2.0, resolve=to_loopback)
    refusing = Client(connect_timeout_s=1.0, timeout_s=2.0, resolve=refuse)
    try:
        answer = await resolving.request("POST", f"http://receiver.test:{port}", "/", {}, b"x")
        assert answer.status == 200
        assert asked == [("receiver.test", port)]
        assert f"Host: receiver.test:{port}".encode() in seen[0]
        with pytest.raises(Refused):
            await refusing.request("POST", f"http://127.0.0.1:{port}", "/", {}, b"x")
    finally:
        await resolving.close()
        await refusing.close()
        server.close()


def _certificates(tmp: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A CA and a certificate it signed for ``receiver.test``: the server's and the client's contexts."""
    now = dt.datetime.now(dt.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test ca")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "receiver.test")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("receiver.test")]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    (tmp / "leaf.pem").write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    (tmp / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(tmp / "leaf.pem", tmp / "key.pem")
    client = ssl.create_default_context(cadata=ca.public_bytes(serialization.Encoding.PEM).decode())
    return server, client


async def test_tls_checks_the_host_name_at_the_resolved_address(tmp_path: Path) -> None:
    server_tls, client_tls = _certificates(tmp_path)
    server, port, seen = await serving(
        [b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"] * 2, tls=server_tls
    )

    async def to_loopback(host: str, port: int) -> list[str]:
        return [str(ipaddress.ip_address("127.0.0.1"))]

    client = Client(connect_timeout_s=1.0, timeout_s=2.0, resolve=to_loopback, ssl_context=client_tls)
    untrusting = Client(connect_timeout_s=1.0, timeout_s=2.0, resolve=to_loopback)  # the system's roots
    try:
        answer = await client.request("POST", f"https://receiver.test:{port}", "/hook", {}, b"x")
        assert (answer.status, answer.body) == (200, b"ok")
        assert (
            await client.request("POST", f"https://receiver.test:{port}", "/hook", {}, b"x")
        ).status == 200
        assert len(seen) == 1  # kept alive over TLS too
        with pytest.raises(ConnectionRefusedError):  # kit.http sorts it as unavailable
            await untrusting.request("POST", f"https://receiver.test:{port}", "/hook", {}, b"x")
    finally:
        await client.close()
        await untrusting.close()
        server.close()


async def test_a_redirect_is_an_answer_not_followed() -> None:
    replies = [b"HTTP/1.1 307 Temporary Redirect\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n"] * 2
    server, port, seen = await serving(replies)
    client = Client(connect_timeout_s=1.0, timeout_s=2.0)
    try:
        answer = await client.request("POST", f"http://127.0.0.1:{port}", "/hook", {}, b"x")
        assert answer.status == 307
        await asyncio.sleep(0.05)
        assert seen[0].count(b"POST ") == 1 and b"/elsewhere" not in seen[0]
    finally:
        await client.close()
        server.close()
