"""rules/urls.py: webhook URLs by shape and address."""

from __future__ import annotations

import pytest

from services.credit_push.rules.urls import UnsafeUrl, address_allowed, check_shape


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:10.0.0.1", False),
        # IPv4-mapped, compatible, NAT64, 6to4, Teredo and site-local: refused even around a
        # public IPv4 address (a relay or translator could reach a private one).
        ("::ffff:8.8.8.8", False),
        ("::8.8.8.8", False),
        ("64:ff9b::808:808", False),
        ("64:ff9b::a00:1", False),
        ("64:ff9b:1::a00:1", False),
        ("2002:c0a8:101::1", False),
        ("2002:808:808::1", False),
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),
        ("fec0::1", False),
        ("2001:db8::1", False),
        ("ff02::1", False),
        ("2606:4700:4700::1111", True),
    ],
)
def test_address_allowed(address: str, allowed: bool) -> None:
    assert address_allowed(address) is allowed


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/hook",
        "ftp://example.com",
        "https://user:pw@example.com/",
        "https:///x",
        "https://e.com/#f",
    ],
)
def test_bad_shapes_are_refused(url: str) -> None:
    with pytest.raises(UnsafeUrl):
        check_shape(url, allow_private=False)


def test_http_is_allowed_only_in_development() -> None:
    assert check_shape("http://127.0.0.1:9/hook", allow_private=True) == ("127.0.0.1", 9)


@pytest.mark.parametrize(
    "host",
    [
        "a..example.com",
        ".example.com",
        "a" * 64 + ".example.com",
        ".".join(["a" * 63] * 4) + ".com",
        "a\x00b.com",
    ],
)
def test_a_host_that_is_not_a_dns_name_is_unsafe_whatever_allow_private_says(host: str) -> None:
    for allow_private in (False, True):
        with pytest.raises(UnsafeUrl, match="not a valid DNS name"):
            check_shape(f"https://{host}/hook", allow_private)


def test_dns_names_that_encode_are_fine() -> None:
    assert check_shape("https://example.com./hook", False) == ("example.com.", 443)
    assert check_shape("https://银税.中国/hook", False) == ("银税.中国", 443)
    assert check_shape("https://" + ".".join(["a" * 63] * 3) + ".cn/x", False)[1] == 443
