"""Where webhooks may go: https to a public address only (CONTRACT §3), to close the SSRF hole.

The host is resolved and every address it resolves to must be public: a name that points
at a private, loopback, link-local, reserved, multicast or unspecified address is refused.
This is checked when a subscription is created or changed and again before every delivery,
and the dispatcher's HTTP client (``pinned_client``) checks the addresses it actually
connects to, in its resolver: a name that rebinds to a private address between the check
and the connection (DNS rebinding) is refused too, while TLS (SNI, certificate) and the
Host header keep the real host name.
``FINMATCH_WEBHOOK_ALLOW_PRIVATE=1`` (development, tests) allows http and any address.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from typing import Any

import aiohttp
import certifi
from aiohttp.abc import AbstractResolver, ResolveResult

from services.credit_push.rules.urls import UnsafeUrl, address_allowed, check_shape


async def resolve(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:  # UnicodeError: a name the IDNA codec cannot encode
        raise UnsafeUrl(f"the host {host!r} does not resolve") from exc
    return sorted({str(info[4][0]) for info in infos})


async def check_url(url: str, allow_private: bool) -> None:
    """Raise UnsafeUrl unless ``url`` may receive webhooks now."""
    host, port = check_shape(url, allow_private)
    if allow_private:
        return
    addresses = await resolve(host, port)
    refused = [a for a in addresses if not address_allowed(a)]
    if refused or not addresses:
        raise UnsafeUrl(f"the host {host!r} resolves to a non-public address ({', '.join(refused)})")


class RefusedAddress(OSError):
    """A webhook host resolved, at connection time, to an address that is not public."""


class PublicOnlyResolver(AbstractResolver):
    """Resolves like aiohttp does, then refuses the whole name if any address is not public."""

    def __init__(self) -> None:
        self._inner = aiohttp.ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        refused = sorted({str(r["host"]) for r in found if not address_allowed(str(r["host"]))})
        if refused or not found:
            raise RefusedAddress(f"the host {host!r} resolves to a non-public address ({', '.join(refused)})")
        return found

    async def close(self) -> None:
        await self._inner.close()


def pinned_client(allow_private: bool, timeout_s: float, max_connections: int = 512) -> aiohttp.ClientSession:
    """The dispatcher's one shared client: unless private targets are allowed, it connects to
    public addresses only. Call it inside the running event loop (aiohttp binds to it)."""
    resolver: AbstractResolver = aiohttp.ThreadedResolver() if allow_private else PublicOnlyResolver()
    connector = aiohttp.TCPConnector(
        limit=max_connections,
        resolver=resolver,
        ssl=ssl.create_default_context(cafile=certifi.where()),
    )
    return aiohttp.ClientSession(
        connector=connector, trust_env=False, timeout=aiohttp.ClientTimeout(total=timeout_s)
    )


# A receiver's answer is read this far at most: only its status matters, and a huge or endless
# body must not hold a dispatcher slot or its memory.


def refusal_of(exc: BaseException) -> str | None:
    """The reason, when a transport error is the resolver refusing a non-public address."""
    seen: set[int] = set()
    todo: list[Any] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, RefusedAddress):
            return str(current)
        todo += [current.__cause__, current.__context__, getattr(current, "os_error", None)]
    return None
