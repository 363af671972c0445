"""The proxy's client to the services: kit.http1 (HTTP/1.1 over pooled keep-alive
connections, parsed by httptools), dropping the response headers that describe the hop.

The rest of the platform calls other processes through httpx on aiohttp's engine (kit.http).
On the proxy's hot path first httpx's layer, then aiohttp's own request (~130 Python calls
per call, the largest item of the gateway's profile; bench/README.md "Profiles: gateway") cost
more than everything else the gateway does for a call. What goes out is what aiohttp sent: the
target exactly as the client sent it (what the token is bound to is what arrives), the Host
header, the headers given, Content-Length when there is a body; nothing decoded, no cookies.
"""

from __future__ import annotations

import string
from urllib.parse import quote

from kit import http1
from kit.http1 import Answer, Broken, InvalidTarget, Unreachable, request_bytes
from kit.http1 import Origin as _Origin

__all__ = [
    "Answer",
    "Broken",
    "Client",
    "InvalidTarget",
    "Unreachable",
    "_Origin",
    "request_bytes",
    "sendable",
]

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


def sendable(target: str) -> str:
    """A path and query as received (latin-1 text of its bytes), with any byte that may not
    stand in a request line percent-encoded; every other character exactly as sent."""
    if target.isascii() and target.isprintable() and " " not in target:
        return target
    return quote(target.encode("latin-1"), safe=string.punctuation)


class Client(http1.Client):
    """Keep-alive connections per service; the answer's hop headers are dropped."""

    drop_headers = _DROP_RESPONSE


def session(*, connect_timeout_s: float, timeout_s: float, max_connections: int = 200) -> Client:
    return Client(connect_timeout_s=connect_timeout_s, timeout_s=timeout_s, max_connections=max_connections)


async def send(
    client: Client, method: str, base: str, target: str, headers: dict[str, str], body: bytes
) -> Answer:
    """One call; the errors of kit.http.TRANSPORT_ERRORS pass through to the caller."""
    return await client.request(method, base, target, headers, body)
