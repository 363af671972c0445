"""gateway.upstream: the target is sent exactly as received, unless a byte may not be sent at all."""

import asyncio
import socket

import pytest

from gateway.upstream import Broken, Client, InvalidTarget, _Origin, request_bytes, sendable
from kit.http import failure_kind
from tests.support.replies import CLOSE, serving


def test_a_target_as_received_is_sent_unchanged_percent_escapes_included() -> None:
    origin = _Origin.parse("http://127.0.0.1:1")
    for target in ("/v1/credit/ratings/91620100MA74XQ4T2R", "/v1/x/%19?q=%20a&b=!", "/v1/x/a%2Fb;c"):
        assert sendable(target) == target
        sent = request_bytes("GET", origin, target, {"Accept": "*/*"}, b"")
        assert sent == f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:1\r\nAccept: */*\r\n\r\n".encode()


def test_bytes_that_may_not_stand_in_a_request_line_are_percent_encoded() -> None:
    raw = "/v1/x/企业".encode().decode("latin-1")  # what the server hands over: the bytes as latin-1
    assert sendable(raw) == "/v1/x/%E4%BC%81%E4%B8%9A"
    assert sendable("/v1/x/a b") == "/v1/x/a%20b"


def test_a_body_is_sent_with_its_length_and_a_write_always_says_it() -> None:
    origin = _Origin.parse("http://svc:80/base/")
    assert request_bytes("POST", origin, "/v1/x", {}, b"{}") == (
        b"POST /base/v1/x HTTP/1.1\r\nHost: svc\r\nContent-Length: 2\r\n\r\n{}"
    )
    assert request_bytes("PUT", origin, "/v1/x", {}, b"").endswith(b"Content-Length: 0\r\n\r\n")
    assert b"Content-Length" not in request_bytes("DELETE", origin, "/v1/x", {}, b"")


async def _never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await reader.readuntil(b"\r\n\r\n")
    await asyncio.sleep(5)
    writer.close()


async def test_answers_are_read_whatever_frames_them_and_connections_are_reused() -> None:
    replies = [
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-A: 1\r\nDate: x\r\n\r\nok",
        b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n1\r\nc\r\n0\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end" + CLOSE,
        b"HTTP/1.1 204 No Content\r\n\r\n",
    ]
    server, port, accepted = await serving(replies)
    base = f"http://127.0.0.1:{port}"
    client = Client(connect_timeout_s=1.0, timeout_s=2.0)
    try:
        first = await client.request("GET", base, "/a", {}, b"")
        assert (first.status, first.headers, first.body) == (200, [(b"X-A", b"1")], b"ok")
        second = await client.request("POST", base, "/b", {}, b"{}")
        assert (second.status, second.headers, second.body) == (201, [], b"abc")
        assert len(accepted) == 1  # kept alive
        third = await client.request("GET", base, "/c", {}, b"")
        assert (third.status, third.body) == (200, b"until the end")
        fourth = await client.request("GET", base, "/d", {}, b"")
        assert (fourth.status, fourth.body, len(accepted)) == (204, b"", 2)
    finally:
        await client.close()
        server.close()


async def test_failures_are_the_kinds_the_proxy_answers_with() -> None:
    server, port, _ = await serving([b"not http at all\r\n\r\n", b"" + CLOSE])
    base = f"http://127.0.0.1:{port}"
    client = Client(connect_timeout_s=1.0, timeout_s=0.3)
    try:
        for _ in range(2):  # garbled, then closed without an answer
            with pytest.raises(Broken) as broken:
                await client.request("GET", base, "/x", {}, b"")
            assert failure_kind(broken.value) == "broken"
        slow = await asyncio.start_server(_never_answer, "127.0.0.1", 0)
        slow_base = f"http://127.0.0.1:{slow.sockets[0].getsockname()[1]}"
        with pytest.raises(TimeoutError) as slow_error:
            await client.request("GET", slow_base, "/x", {}, b"")
        assert failure_kind(slow_error.value) == "timeout"
        slow.close()
        dead = socket.socket()
        dead.bind(("127.0.0.1", 0))  # bound, never listening
        with pytest.raises(ConnectionRefusedError) as refused:
            await client.request("GET", f"http://127.0.0.1:{dead.getsockname()[1]}", "/x", {}, b"")
        assert failure_kind(refused.value) == "unavailable"
        dead.close()
        with pytest.raises(InvalidTarget):
            await client.request("GET", "ftp://127.0.0.1", "/x", {}, b"")
    finally:
        await client.close()
        server.close()
