"""Against a gateway with a tiny rate limit: its 429s with Retry-After are waited out, not raised."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from finmatch_client import Finmatch

from tests.support.stack import ADMIN_KEY, Stack


class Counting(httpx.HTTPTransport):
    """The real network transport, noting each answer's status under the retries."""

    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.statuses.append(response.status_code)
        return response


@pytest.fixture(scope="module")
def slow_gateway(stack: Stack) -> Iterator[str]:
    url, stop = stack.spawn("gateway", rate_limit_per_s=2.0)
    yield url
    stop()


def test_rate_limited_gets_and_creating_posts_succeed(slow_gateway: str) -> None:
    network = Counting()
    with Finmatch(slow_gateway, ADMIN_KEY, transport=network) as admin:
        names = [f"bank-limited-{n}" for n in range(4)]
        created = [admin.post("/v1/orgs", {"name": name, "role": "bank"}) for name in names]
        me = [admin.get("/v1/me")["role"] for _ in range(4)]
    assert me == ["admin"] * 4 and all(org["role"] == "bank" for org in created)
    assert 429 in network.statuses and network.statuses.count(201) == 4
    # Each creating POST created one org, retried or not.
    with Finmatch(slow_gateway, ADMIN_KEY) as admin:
        listed = [o["name"] for o in admin.iter_items("/v1/orgs", params={"role": "bank"}, limit=1000)]
    assert sorted(n for n in listed if n.startswith("bank-limited-")) == names
