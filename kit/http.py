"""Outbound HTTP clients: the httpx API on aiohttp's engine.

A shared ``httpx.AsyncClient`` proxying under concurrency stalls in httpcore's pool on
this stack; ``httpx-aiohttp`` keeps the httpx API (requests, exceptions, timeouts) and
runs on aiohttp's connection pool instead.
"""

from __future__ import annotations

import errno

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from kit.errors import Unavailable

# Our servers keep an idle connection SERVER_KEEP_ALIVE_S; clients drop theirs sooner, so a
# client never reuses a connection the server is closing at that moment (a reset request).
SERVER_KEEP_ALIVE_S = 20
CLIENT_KEEP_ALIVE_S = 4.0


def make_client(
    *, timeout: httpx.Timeout, max_connections: int = 200, base_url: str = ""
) -> httpx.AsyncClient:
    limits = httpx.Limits(
        max_connections=max_connections,
        max_keepalive_connections=max_connections,
        keepalive_expiry=CLIENT_KEEP_ALIVE_S,
    )
    return httpx.AsyncClient(
        transport=AiohttpTransport(limits=limits, trust_env=False),
        timeout=timeout,
        base_url=base_url,
        follow_redirects=False,
    )


# What a call to another process can raise when that process is down, slow or broken.
# httpx-aiohttp maps most aiohttp errors to httpx ones, but not all (a garbled answer
# surfaces as aiohttp's own ClientError).
TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    httpx.HTTPError,
    aiohttp.ClientError,
    OSError,
    TimeoutError,
)


def failure_kind(exc: BaseException) -> str:
    """``timeout``, ``unavailable`` (nobody listening) or ``broken`` (answer cut off or garbled)."""
    cause = exc.__cause__ or exc
    if isinstance(cause, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError | ConnectionResetError):
        return "broken"
    if isinstance(cause, aiohttp.ClientOSError) and cause.errno == errno.ECONNRESET:
        return "broken"
    if isinstance(exc, httpx.ConnectError) or isinstance(
        cause, aiohttp.ClientConnectorError | ConnectionRefusedError
    ):
        return "unavailable"
    if isinstance(exc, httpx.TimeoutException | TimeoutError) or isinstance(cause, TimeoutError):
        return "timeout"
    return "broken"


class DependencyUnavailable(Exception):
    """Another process did not answer (down, slow, broken, or answered 5xx).

    Callers degrade, or refuse with :meth:`as_error` (``raise exc.as_error() from exc``).
    """

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(f"{target}: {reason}")
        self.target = target
        self.reason = reason

    def as_error(self) -> Unavailable:
        """The domain error a use case raises when it cannot go on without ``target`` (a 503)."""
        return Unavailable(
            f"The {self.target} service did not answer ({self.reason}); try again shortly.",
            title="Service unavailable",
            retry_after_s=5,
        )

    # Compat: services written before kit.errors call ``raise exc.as_problem()``.
    as_problem = as_error
