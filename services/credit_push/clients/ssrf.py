"""Where webhooks may go: https to a public address only (CONTRACT §3), to close the SSRF hole.

The host is resolved and every address it resolves to must be public: a name that points
at a private, loopback, link-local, reserved, multicast or unspecified address is refused.
This is checked when a subscription is created or changed and again before every delivery,
and the dispatcher's HTTP client (``pinned_client``) checks the addresses it actually
connects to, in its resolver (``public_addresses``): a name that rebinds to a private
address between the check and the connection (DNS rebinding) is refused too, while TLS
(SNI, certificate) and the Host header keep the real host name.
``FINMATCH_WEBHOOK_ALLOW_PRIVATE=1`` (development, tests) allows http and any address.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from typing import Any

import certifi

from kit import http1
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


async def public_addresses(host: str, port: int) -> list[str]:
    """The dispatcher's resolver: the addresses of ``host``, or RefusedAddress for the whole name
    if any of them is not public (an OSError, like a name that does not resolve)."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError as exc:  # a name the IDNA codec cannot encode
        raise OSError(f"the host {host!r} does not resolve") from exc
    found = list(dict.fromkeys(str(info[4][0]) for info in infos))  # in the resolver's order
    refused = sorted(a for a in found if not address_allowed(a))
    if refused or not found:
        raise RefusedAddress(f"the host {host!r} resolves to a non-public address ({', '.join(refused)})")
    return found


# A receiver's answer is read this far at most: only its status matters, and a huge or endless
# body must not hold a dispatcher slot or its memory.
ANSWER_CAP_BYTES = 64 * 1024


def pinned_client(allow_private: bool, timeout_s: float, max_connections: int = 512) -> http1.Client:
    """The dispatcher's one shared client (kit.http1: keep-alive per receiver, redirects not
    followed, TLS for https with certifi's roots): unless private targets are allowed, it
    connects only to the addresses ``public_addresses`` found, and TLS (SNI, certificate) and
    the Host header keep the real host name. Call it inside the running event loop."""
    return http1.Client(
        connect_timeout_s=timeout_s,
        timeout_s=timeout_s,
        max_connections=max_connections,
        max_body=ANSWER_CAP_BYTES,
        resolve=None if allow_private else public_addresses,
        ssl_context=ssl.create_default_context(cafile=certifi.where()),
    )


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
