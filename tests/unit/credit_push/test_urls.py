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
        ("::ffff:8.8.8.8", True),
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
