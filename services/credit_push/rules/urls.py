"""Which webhook URLs are acceptable by their shape and address (CONTRACT §3). Pure: no I/O.

Resolving the host, and refusing a name that resolves to one of these addresses, is ssrf.py.
"""

from __future__ import annotations

import ipaddress
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
