"""Where webhooks may go: https to a public address only (CONTRACT §3), to close the SSRF hole.

The host is resolved and every address it resolves to must be public: a name that points
at a private, loopback, link-local, reserved, multicast or unspecified address is refused.
This is checked when a subscription is created or changed and again before every delivery,
so a DNS change after subscribing does not open a path into the platform's network.
``FINMATCH_WEBHOOK_ALLOW_PRIVATE=1`` (development, tests) allows http and any address.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

MAX_URL = 2000


class UnsafeUrl(ValueError):
    pass


def address_allowed(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def check_shape(url: str, allow_private: bool) -> tuple[str, int]:
    """The host and port of a well-formed webhook URL, or UnsafeUrl with the reason."""
    if len(url) > MAX_URL:
        raise UnsafeUrl(f"the URL is longer than {MAX_URL} characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeUrl(f"not a valid URL: {exc}") from exc
    allowed_schemes = ("https", "http") if allow_private else ("https",)
    if parts.scheme not in allowed_schemes:
        raise UnsafeUrl("webhook URLs must use https")
    if not parts.hostname:
        raise UnsafeUrl("the URL has no host")
    if parts.username is not None or parts.password is not None:
        raise UnsafeUrl("credentials in the URL are not allowed; verify the signature instead")
    if parts.fragment:
        raise UnsafeUrl("the URL must not have a #fragment")
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


async def resolve(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
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
