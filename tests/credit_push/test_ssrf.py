"""clients/ssrf.py: a webhook host is resolved, and refused when it resolves to a private address."""

from __future__ import annotations

import pytest

from services.credit_push.clients.ssrf import check_url
from services.credit_push.rules.urls import UnsafeUrl


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.0.0.8/",
        "https://[::1]/",
        "https://169.254.169.254/",
    ],
)
async def test_private_targets_are_refused_after_resolving(url: str) -> None:
    with pytest.raises(UnsafeUrl, match="non-public"):
        await check_url(url, allow_private=False)


async def test_a_public_address_passes() -> None:
    await check_url("https://8.8.8.8/hook", allow_private=False)
