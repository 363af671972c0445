"""The proxy's client to the services: aiohttp itself, one pooled session per gateway process.

The rest of the platform calls other processes through httpx on aiohttp's engine (kit.http).
On the proxy's hot path the httpx layer (building its Request, parsing the URL again, its
cookie jar, wrapping the answer) cost about as much Python as aiohttp's own request
(bench/README.md, "Profiles: gateway"), so here the request goes to aiohttp directly: the
target exactly as the client sent it (``encoded=True``: no re-encoding, so what the token is
bound to is what arrives), no cookies, no decompression, and no headers added but Host.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from urllib.parse import quote

import aiohttp
from yarl import URL

from kit.http import CLIENT_KEEP_ALIVE_S

# Response headers that describe this hop, not the answer: the gateway's server sets its own.
_DROP_RESPONSE = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"transfer-encoding",
        b"content-length",
        b"content-encoding",
        b"date",
        b"server",
        b"x-request-id",
    }
)
# aiohttp adds these unless told not to; the service gets what the client sent, or nothing.
_SKIP_AUTO = ("Accept", "Accept-Encoding", "User-Agent", "Content-Type")


@dataclass(frozen=True)
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


def session(
    *, connect_timeout_s: float, timeout_s: float, max_connections: int = 200
) -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(
        limit=max_connections, keepalive_timeout=CLIENT_KEEP_ALIVE_S, use_dns_cache=True
    )
    return aiohttp.ClientSession(
        connector=connector,
        timeout=aiohttp.ClientTimeout(total=timeout_s, sock_connect=connect_timeout_s),
        cookie_jar=aiohttp.DummyCookieJar(),
        auto_decompress=False,
        skip_auto_headers=_SKIP_AUTO,
        trust_env=False,
    )


def sendable(target: str) -> str:
    """A path and query as received (latin-1 text of its bytes), with any byte that may not
    stand in a request line percent-encoded; every other character exactly as sent."""
    if target.isascii() and target.isprintable() and " " not in target:
        return target
    return quote(target.encode("latin-1"), safe=string.punctuation)


def target_url(base: str, target: str) -> URL:
    """``base`` plus a :func:`sendable` target, sent exactly so (no re-encoding)."""
    return URL(base + target, encoded=True)


async def send(
    client: aiohttp.ClientSession, method: str, url: URL, headers: dict[str, str], body: bytes
) -> Answer:
    """One call; aiohttp's errors (kit.http.TRANSPORT_ERRORS) pass through to the caller."""
    data = body if body or method not in ("GET", "HEAD", "DELETE") else None
    async with client.request(method, url, headers=headers, data=data, allow_redirects=False) as response:
        content = await response.read()
        kept = [(name, value) for name, value in response.raw_headers if name.lower() not in _DROP_RESPONSE]
        return Answer(response.status, kept, content)
