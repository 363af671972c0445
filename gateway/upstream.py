"""The proxy's client to the services: HTTP/1.1 over pooled keep-alive connections, parsed by httptools.

The rest of the platform calls other processes through httpx on aiohttp's engine (kit.http).
On the proxy's hot path first httpx's layer, then aiohttp's own request (its request and
response objects, header multidicts, URL handling, timers and stream readers: ~130 Python calls
per call, the largest item of the gateway's profile; bench/README.md "Profiles: gateway") cost
more than everything else the gateway does for a call, so the proxy writes the request itself
and parses the answer with httptools, the C parser uvicorn already uses. What goes out is what
aiohttp sent: the target exactly as the client sent it (what the token is bound to is what
arrives), the Host header, the headers given, Content-Length when there is a body; nothing
decoded, no cookies. Failures are those kit.http.failure_kind sorts: nobody listening
(ConnectionRefusedError: ``unavailable``), too slow (TimeoutError: ``timeout``), an answer cut
off or garbled (:class:`Broken`, a ConnectionResetError: ``broken``).
"""

from __future__ import annotations

import asyncio
import string
from collections import deque
from dataclasses import dataclass
from typing import cast
from urllib.parse import quote, urlsplit

import httptools

from kit.http import CLIENT_KEEP_ALIVE_S

# Response headers that describe this hop, not the answer: the gateway's server sets its own.
# Content-Encoding stays: the body is passed on as received (never decompressed).
_DROP_RESPONSE = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"transfer-encoding",
        b"content-length",
        b"date",
        b"server",
        b"x-request-id",
    }
)
_NO_BODY_METHODS = ("GET", "HEAD", "DELETE")


class Broken(ConnectionResetError):
    """The service broke off its answer, or what it sent is not HTTP."""


class Unreachable(ConnectionRefusedError):
    """No connection to the service could be made (refused, no route, no such host)."""


class InvalidTarget(ValueError):
    """A service URL the proxy cannot call (not http or https, no host)."""


@dataclass(frozen=True)
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


def sendable(target: str) -> str:
    """A path and query as received (latin-1 text of its bytes), with any byte that may not
    stand in a request line percent-encoded; every other character exactly as sent."""
    if target.isascii() and target.isprintable() and " " not in target:
        return target
    return quote(target.encode("latin-1"), safe=string.punctuation)


@dataclass(frozen=True)
class _Origin:
    """Where one service answers: its connection's address and what each request line starts with."""

    host: str
    port: int
    tls: bool
    prefix: str  # a path the service URL carries, before every target
    host_header: bytes

    @classmethod
    def parse(cls, base: str) -> _Origin:
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InvalidTarget(base)
        tls = parts.scheme == "https"
        port = parts.port or (443 if tls else 80)
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        netloc = host if port == (443 if tls else 80) else f"{host}:{port}"
        return cls(parts.hostname, port, tls, parts.path.rstrip("/"), netloc.encode("idna"))


class _Connection(asyncio.Protocol):
    """One keep-alive connection; answers one request at a time."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.head = False  # the answer to HEAD has no body, whatever its Content-Length says
        self.parser = httptools.HttpResponseParser(self)
        self.closed = False
        self.idle_since = 0.0
        self._reset()

    def _reset(self) -> None:
        self.waiter: asyncio.Future[Answer] | None = None
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: list[bytes] = []
        self.headers_done = False
        self.delimited = False  # Content-Length or chunked: the end is known without EOF
        self.keep_alive = False

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports are not asyncio.Transport subclasses, but have its methods.
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(Broken(f"not an HTTP answer: {exc}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.waiter is None or self.waiter.done():
            return
        if self.headers_done and not self.delimited:  # a body that ends with the connection
            self.keep_alive = False
            self.on_message_complete()
            return
        self._fail(Broken("the service closed the connection before it answered"))

    # httptools callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        lower = name.lower()
        if lower not in _DROP_RESPONSE:  # kept: the answer's own headers, as the service wrote them
            self.headers.append((name, value))
        elif lower == b"content-length" or (lower == b"transfer-encoding" and b"chunked" in value.lower()):
            self.delimited = True

    def on_headers_complete(self) -> None:
        self.headers_done = True
        self.keep_alive = self.parser.should_keep_alive()
        if self.head:  # done; the parser would wait for a body: the connection is not reused
            self.keep_alive = False
            self.on_message_complete()

    def on_body(self, body: bytes) -> None:
        self.chunks.append(body)

    def on_message_complete(self) -> None:
        status = self.parser.get_status_code()
        if 100 <= status < 200:  # an interim answer (100 Continue): the real one follows
            self.headers, self.chunks, self.headers_done, self.delimited = [], [], False, False
            return
        waiter = self.waiter
        if waiter is None or waiter.done():
            return
        body = self.chunks[0] if len(self.chunks) == 1 else b"".join(self.chunks)
        waiter.set_result(Answer(status, self.headers, body))

    def _fail(self, exc: BaseException) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(exc)
        self.close()

    # the client's side
    def send(self, request: bytes, head: bool, loop: asyncio.AbstractEventLoop) -> asyncio.Future[Answer]:
        assert self.transport is not None
        self._reset()
        self.head = head
        self.waiter = loop.create_future()
        self.transport.write(request)
        return self.waiter

    def reusable(self) -> bool:
        return self.keep_alive and not self.closed and self.transport is not None

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()


class Client:
    """Keep-alive connections per service, at most ``max_connections`` open at a time."""

    def __init__(self, *, connect_timeout_s: float, timeout_s: float, max_connections: int = 200) -> None:
        self.connect_timeout_s = connect_timeout_s
        self.timeout_s = timeout_s
        self._slots = asyncio.Semaphore(max_connections)
        self._origins: dict[str, _Origin] = {}
        self._idle: dict[_Origin, deque[_Connection]] = {}
        self._open: set[_Connection] = set()

    async def request(
        self, method: str, base: str, target: str, headers: dict[str, str], body: bytes
    ) -> Answer:
        """One call; its failures are those kit.http.TRANSPORT_ERRORS names."""
        origin = self._origin(base)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout_s
        async with self._slots:
            connection = self._reused(origin, loop.time()) or await self._connect(origin, loop, deadline)
            waiter = connection.send(
                request_bytes(method, origin, target, headers, body), method == "HEAD", loop
            )
            timer = loop.call_at(deadline, _expire, waiter)
            try:
                answer = await waiter
            except BaseException:
                connection.close()  # cancelled, timed out or broken: its state is unknown
                self._open.discard(connection)
                raise
            finally:
                timer.cancel()
            self._release(origin, connection, loop.time())
            return answer

    def _origin(self, base: str) -> _Origin:
        origin = self._origins.get(base)
        if origin is None:
            origin = self._origins[base] = _Origin.parse(base)
        return origin

    def _reused(self, origin: _Origin, now: float) -> _Connection | None:
        """The most recently used idle connection, if it is still fresh: one idle longer than
        CLIENT_KEEP_ALIVE_S is dropped, so a connection the service is closing is not reused."""
        idle = self._idle.get(origin)
        while idle:
            connection = idle.pop()
            if connection.reusable() and now - connection.idle_since < CLIENT_KEEP_ALIVE_S:
                return connection
            connection.close()
            self._open.discard(connection)
        return None

    async def _connect(
        self, origin: _Origin, loop: asyncio.AbstractEventLoop, deadline: float
    ) -> _Connection:
        timeout = min(self.connect_timeout_s, max(deadline - loop.time(), 0.0))
        try:
            _, connection = await asyncio.wait_for(
                loop.create_connection(
                    _Connection, origin.host, origin.port, ssl=True if origin.tls else None
                ),
                timeout,
            )
        except TimeoutError:
            raise
        except ConnectionRefusedError:
            raise
        except OSError as exc:  # no route, no such host: as unreachable as refused
            raise Unreachable(exc.errno, str(exc)) from None
        self._open.add(connection)
        return connection

    def _release(self, origin: _Origin, connection: _Connection, now: float) -> None:
        if not connection.reusable():
            connection.close()
            self._open.discard(connection)
            return
        connection.idle_since = now
        self._idle.setdefault(origin, deque()).append(connection)

    async def close(self) -> None:
        for connection in list(self._open):
            connection.close()
        self._open.clear()
        self._idle.clear()


def _expire(waiter: asyncio.Future[Answer]) -> None:
    if not waiter.done():
        waiter.set_exception(TimeoutError("the service did not answer in time"))


def request_bytes(method: str, origin: _Origin, target: str, headers: dict[str, str], body: bytes) -> bytes:
    """The request's bytes: as aiohttp wrote them (header text as UTF-8, Content-Length only
    with a body or for a method that has one)."""
    lines = [f"{method} {origin.prefix}{target} HTTP/1.1\r\nHost: ".encode() + origin.host_header]
    lines += [f"{name}: {value}".encode() for name, value in headers.items()]
    sent = body if body or method not in _NO_BODY_METHODS else None
    if sent is not None:
        lines.append(b"Content-Length: %d" % len(sent))
    return b"\r\n".join(lines) + b"\r\n\r\n" + (sent or b"")


def session(*, connect_timeout_s: float, timeout_s: float, max_connections: int = 200) -> Client:
    return Client(connect_timeout_s=connect_timeout_s, timeout_s=timeout_s, max_connections=max_connections)


async def send(
    client: Client, method: str, base: str, target: str, headers: dict[str, str], body: bytes
) -> Answer:
    """One call; the errors of kit.http.TRANSPORT_ERRORS pass through to the caller."""
    return await client.request(method, base, target, headers, body)
