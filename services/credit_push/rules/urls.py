"""Which webhook URLs are acceptable by their shape and address (CONTRACT §3). Pure: no I/O.

Resolving the host, and refusing a name that resolves to one of these addresses, is clients/ssrf.py.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

MAX_URL = 2000


class UnsafeUrl(ValueError):
    pass


MAX_HOST = 253  # RFC 1035 §2.3.4: a name of at most 255 octets on the wire, 253 characters written
MAX_LABEL = 63
# Letters, digits, hyphens (RFC 952/1123), and the underscore some real names carry.
_LABEL = re.compile(rf"[A-Za-z0-9_-]{{1,{MAX_LABEL}}}")

# IPv6 ranges that carry or reach an IPv4 address, or were never public, which Python 3.11's
# ``is_global`` still calls global: a name resolving into one could reach a private IPv4
# host through a relay or translator, so they are refused whatever the embedded address.
_REFUSED_V6 = tuple(
    ipaddress.IPv6Network(net)
    for net in (
        "::ffff:0:0/96",  # IPv4-mapped (RFC 4291 §2.5.5.2)
        "::/96",  # IPv4-compatible, deprecated (RFC 4291 §2.5.5.1)
        "64:ff9b::/96",  # NAT64 well-known prefix (RFC 6052)
        "64:ff9b:1::/48",  # NAT64 local-use prefix (RFC 8215)
        "2002::/16",  # 6to4 (RFC 3056)
        "2001::/32",  # Teredo (RFC 4380)
        "fec0::/10",  # site-local, deprecated (RFC 3879)
    )
)


def address_allowed(address: str) -> bool:
    """A public unicast address: global, and in no relay, translator or never-public range."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and any(ip in net for net in _REFUSED_V6):
        return False
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def check_host(host: str) -> None:
    """A host that is an IP literal or encodes as a DNS name (labels of 1..63, at most 253 in all)."""
    try:
        ipaddress.ip_address(host)
        return
    except ValueError:
        pass
    name = host[:-1] if host.endswith(".") else host  # one trailing dot: the root, fully qualified
    try:
        encoded = name.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise UnsafeUrl(f"the host {host!r} is not a valid DNS name") from exc
    labels = encoded.split(".")
    if len(encoded) > MAX_HOST or not all(_LABEL.fullmatch(label) for label in labels):
        raise UnsafeUrl(
            f"the host {host!r} is not a valid DNS name (labels of 1 to {MAX_LABEL} characters, "
            f"at most {MAX_HOST} in all)"
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
    check_host(parts.hostname)
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)
