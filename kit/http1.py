"""A small HTTP/1.1 client: pooled keep-alive connections, answers parsed by httptools.

For hot paths where aiohttp's request path (its request and response objects, header
multidicts, URL handling, timers and stream readers: ~130 Python calls per call) costs more
than the caller's own work (bench/README.md "Profiles": the gateway hop, the webhook fan-out).
httptools is the C parser uvicorn already uses. What goes out: the request line, the Host
header, the headers given, Content-Length when there is a body; nothing decoded, no cookies,
no redirects followed. Failures are those kit.http.failure_kind sorts: nobody listening
(ConnectionRefusedError: ``unavailable``), too slow (TimeoutError: ``timeout``), an answer cut
off or garbled (:class:`Broken`, a ConnectionResetError: ``broken``).

Optional, per client: response headers it drops (``drop_headers``), a cap on the answer body
it reads (``max_body``: past it the answer counts as received and the connection is closed),
a resolver whose addresses it connects to (``resolve``: it may refuse a name by raising; TLS
still checks the certificate against the host name), and the TLS context for https.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import cast
from urllib.parse import urlsplit

import httptools

from kit.http import CLIENT_KEEP_ALIVE_S

_NO_BODY_METHODS = ("GET", "HEAD", "DELETE")

Resolve = Callable[[str, int], Awaitable[list[str]]]


class Broken(ConnectionResetError):
    """The server broke off its answer, or what it sent is not HTTP."""


class Unreachable(ConnectionRefusedError):
    """No connection to the server could be made (refused, no route, no such host)."""


class InvalidTarget(ValueError):
    """A URL the client cannot call (not http or https, no host)."""


@dataclass(frozen=True)
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass(frozen=True)
class Origin:
    """Where a server answers: its connection's address and what each request line starts with."""

    host: str
    port: int
    tls: bool
    prefix: str  # a path the base URL carries, before every target
    host_text: str  # the Host header: host (IDNA-encoded) and port unless it is the scheme's

    @classmethod
    def parse(cls, base: str) -> Origin:
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InvalidTarget(base)
        tls = parts.scheme == "https"
        port = parts.port or (443 if tls else 80)
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        netloc = host if port == (443 if tls else 80) else f"{host}:{port}"
        return cls(parts.hostname, port, tls, parts.path.rstrip("/"), netloc.encode("idna").decode("ascii"))


class Connection(asyncio.Protocol):
    """One keep-alive connection; answers one request at a time."""

    def __init__(self, drop_headers: frozenset[bytes] = frozenset(), max_body: int | None = None) -> None:
        self.transport: asyncio.Transport | None = None
        self.drop_headers = drop_headers
        self.max_body = max_body
        self.head = False  # the answer to HEAD has no body, whatever its Content-Length says
        self.parser = httptools.HttpResponseParser(self)
        self.closed = False
        self.idle_since = 0.0
        self._reset()

    def _reset(self) -> None:
        self.waiter: asyncio.Future[Answer] | None = None
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: list[bytes] = []
        self.received = 0  # bytes of body so far
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
        self._fail(Broken("the server closed the connection before it answered"))

    # httptools callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        lower = name.lower()
        if lower == b"content-length" or (lower == b"transfer-encoding" and b"chunked" in value.lower()):
            self.delimited = True
        if lower not in self.drop_headers:  # kept: the answer's own headers, as the server wrote them
            self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        self.headers_done = True
        self.keep_alive = self.parser.should_keep_alive()
        if self.head:  # done; the parser would wait for a body: the connection is not reused
            self.keep_alive = False
            self.on_message_complete()

    def on_body(self, body: bytes) -> None:
        if self.waiter is None or self.waiter.done():
            return  # past the cap: the rest is not kept
        self.chunks.append(body)
        self.received += len(body)
        if self.max_body is not None and self.received >= self.max_body:
            # Enough read: the answer counts as received, the rest is never read (nor kept).
            self.keep_alive = False
            self.on_message_complete()
            self.close()

    def on_message_complete(self) -> None:
        status = self.parser.get_status_code()
        if 100 <= status < 200:  # an interim answer (100 Continue): the real one follows
            self.headers, self.chunks, self.headers_done, self.delimited = [], [], False, False
            self.received = 0
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
    """Keep-alive connections per origin, at most ``max_connections`` open at a time."""

    drop_headers: frozenset[bytes] = frozenset()  # a subclass may drop some response headers

    def __init__(
        self,
        *,
        connect_timeout_s: float,
        timeout_s: float,
        max_connections: int = 200,
        max_body: int | None = None,
        resolve: Resolve | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.connect_timeout_s = connect_timeout_s
        self.timeout_s = timeout_s
        self.resolve = resolve
        self.ssl_context = ssl_context
        self._protocol = partial(Connection, self.drop_headers, max_body)
        self._slots = asyncio.Semaphore(max_connections)
        self._origins: dict[str, Origin] = {}
        self._idle: dict[Origin, deque[Connection]] = {}
        self._open: set[Connection] = set()

    async def request(
        self, method: str, base: str, target: str, headers: dict[str, str], body: bytes
    ) -> Answer:
        """One call to ``base`` + ``target``; its failures are those kit.http.TRANSPORT_ERRORS names."""
        origin = self.origin(base)
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

    def origin(self, base: str) -> Origin:
        origin = self._origins.get(base)
        if origin is None:
            origin = self._origins[base] = Origin.parse(base)
        return origin

    def _reused(self, origin: Origin, now: float) -> Connection | None:
        """The most recently used idle connection, if it is still fresh: one idle longer than
        CLIENT_KEEP_ALIVE_S is dropped, so a connection the server is closing is not reused."""
        idle = self._idle.get(origin)
        while idle:
            connection = idle.pop()
            if connection.reusable() and now - connection.idle_since < CLIENT_KEEP_ALIVE_S:
                return connection
            connection.close()
            self._open.discard(connection)
        return None

    async def _connect(self, origin: Origin, loop: asyncio.AbstractEventLoop, deadline: float) -> Connection:
        timeout = min(self.connect_timeout_s, max(deadline - loop.time(), 0.0))
        async with asyncio.timeout(timeout):
            # The resolver's refusal (its own exception) passes through as it is.
            addresses = await self.resolve(origin.host, origin.port) if self.resolve else [origin.host]
            connection = await self._open_one(origin, loop, addresses)
        self._open.add(connection)
        return connection

    async def _open_one(
        self, origin: Origin, loop: asyncio.AbstractEventLoop, addresses: list[str]
    ) -> Connection:
        """A connection to the first of ``addresses`` that accepts one."""
        tls: ssl.SSLContext | bool | None = (self.ssl_context or True) if origin.tls else None
        server_hostname = origin.host if origin.tls and self.resolve else None
        failure: OSError | None = None
        for address in addresses:
            try:
                _, connection = await loop.create_connection(
                    self._protocol, address, origin.port, ssl=tls, server_hostname=server_hostname
                )
                return connection
            except ConnectionRefusedError as exc:
                failure = exc
            except OSError as exc:  # no route, no such host, a failed TLS handshake: unreachable
                failure = Unreachable(exc.errno, str(exc))
        raise failure or Unreachable(f"{origin.host!r} has no address")

    def _release(self, origin: Origin, connection: Connection, now: float) -> None:
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
        waiter.set_exception(TimeoutError("the server did not answer in time"))


def request_bytes(method: str, origin: Origin, target: str, headers: dict[str, str], body: bytes) -> bytes:
    """The request's bytes: as aiohttp wrote them (header text as UTF-8, Content-Length only
    with a body or for a method that has one). The head is encoded once, as one string."""
    head = f"{method} {origin.prefix}{target} HTTP/1.1\r\nHost: {origin.host_text}\r\n"
    head += "".join([f"{name}: {value}\r\n" for name, value in headers.items()])
    if body or method not in _NO_BODY_METHODS:
        return (head + f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    return (head + "\r\n").encode()
