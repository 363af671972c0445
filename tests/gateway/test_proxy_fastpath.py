"""The proxy's fast path (gateway/fastpath.py) answers exactly as FastAPI's proxy route does.

Two gateway instances on the stack's database and services: the app as it runs (fast path)
and the same app with the fast path taken out (every proxied call through FastAPI's router,
the body limit's middleware and ``proxy.forward``). Each request goes to both with the same
request id; status, body and headers (all but Date) must be identical.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from gateway.fastpath import ProxyFastPath
from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import eventually, item, upload
from tests.support.fastpath import Instance, with_and_without
from tests.support.stack import Stack

MAX_BODY = 4096
ROUTE = "/v1/{prefix}/{rest:path}"


@pytest.fixture(scope="module")
def instances(stack: Stack) -> Iterator[tuple[Instance, Instance]]:
    with with_and_without(stack, "gateway", ProxyFastPath, max_body_bytes=MAX_BODY) as pair:
        yield pair


@dataclass
class World:
    bank: Actor
    tax: Actor
    a_rated: str


@pytest.fixture(scope="module")
async def world(stack: Stack) -> AsyncIterator[World]:
    api = Api(stack.url("gateway"))
    try:
        tax, bank = await api.org("tax_authority"), await api.org("bank")
        rating = item(rating="A")
        await upload(api, tax, [rating])
        yield World(bank, tax, rating["uscc"])
    finally:
        await api.aclose()


Answer = tuple[int, bytes, list[tuple[str, str]]]


async def _ask(url: str, method: str, path: str, headers: dict[str, str], content: Any) -> Answer:
    async with httpx.AsyncClient(base_url=url, timeout=30.0) as client:
        response = await client.request(method, path, headers=headers, content=content)
    kept = [(k, v) for k, v in response.headers.multi_items() if k != "date"]
    return response.status_code, response.content, kept


async def _same(
    instances: tuple[Instance, Instance],
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    content: Any = None,
) -> Answer:
    """The answer of both instances to the same request; they must be identical."""
    fast, plain = instances
    sent = {"X-Request-ID": uuid.uuid4().hex, **(headers or {})}
    answered = await _ask(fast.url, method, path, sent, content() if callable(content) else content)
    assert answered == await _ask(plain.url, method, path, sent, content() if callable(content) else content)
    return answered


async def _chunks(size: int) -> AsyncIterator[bytes]:
    """A body without Content-Length (chunked), so only counting it finds it too large."""
    for _ in range(size // 1024):
        yield b"x" * 1024


def _cases(w: World) -> list[tuple[str, str, str, dict[str, str], Any, int | None]]:
    bank = {"Authorization": f"Bearer {w.bank.key}"}
    rating = f"/v1/credit/ratings/{w.a_rated}"
    json_body = {**bank, "Content-Type": "application/json"}
    return [
        ("a rating", "GET", rating, bank, None, 200),
        ("as HEAD", "HEAD", rating, bank, None, 200),
        ("with a query", "GET", rating + "?x=1&y=%20", bank, None, 200),
        ("unknown enterprise", "GET", f"/v1/credit/ratings/{make_uscc()}", bank, None, 404),
        ("an escaped control character", "GET", "/v1/credit/ratings/%19", bank, None, 422),
        ("no operation there", "GET", "/v1/credit/no-such-operation", bank, None, 404),
        ("no key", "GET", rating, {}, None, 401),
        ("not a bearer", "GET", rating, {"Authorization": "Basic abc"}, None, 401),
        ("unknown key", "GET", rating, {"Authorization": f"Bearer fmk_{uuid.uuid4().hex}_nope"}, None, 401),
        ("a write the role may not make", "POST", "/v1/credit/ratings", json_body, b"{}", 403),
        ("an invalid body", "POST", "/v1/credit/consents", json_body, b"{not json", None),
        ("a declared body too large", "POST", "/v1/credit/ratings", json_body, b"x" * (MAX_BODY + 1), 413),
        ("a streamed body too large", "POST", "/v1/credit/ratings", json_body, lambda: _chunks(8192), 413),
        ("a body without a key", "POST", "/v1/credit/ratings", {}, lambda: _chunks(8192), 401),
        ("an unknown prefix", "GET", "/v1/nothing/here", bank, None, 404),
        ("a method no operation has", "OPTIONS", rating, bank, None, 405),
    ]


async def test_the_fast_path_answers_as_the_route(instances: tuple[Instance, Instance], world: World) -> None:
    for case, method, path, headers, content, status in _cases(world):
        answered = await _same(instances, method, path, headers, content)
        assert status is None or answered[0] == status, (case, answered)
    bank = {"Authorization": f"Bearer {world.bank.key}"}
    rating = f"/v1/credit/ratings/{world.a_rated}"
    status, _, answered_headers = await _same(instances, "GET", rating, bank)
    assert status == 200
    etag = dict(answered_headers)["etag"]
    await _same(instances, "GET", rating, {**bank, "If-None-Match": etag})  # passed on (the read ignores it)
    given = {**bank, "X-Request-ID": "kept-as-sent-1"}
    assert ("x-request-id", "kept-as-sent-1") in (await _same(instances, "GET", rating, given))[2]


async def test_the_fast_path_records_the_route_in_metrics_and_the_access_line(
    instances: tuple[Instance, Instance], world: World, caplog: pytest.LogCaptureFixture
) -> None:
    fast, _ = instances
    metrics = fast.app.state.ctx.metrics.registry
    labels = {"method": "GET", "route": ROUTE, "status": "200"}
    counted = metrics.get_sample_value("finmatch_http_request_duration_seconds_count", labels) or 0
    path = f"/v1/credit/ratings/{world.a_rated}"
    with caplog.at_level(logging.INFO, logger="kit.access"):
        answered = await _ask(fast.url, "GET", path, {"Authorization": f"Bearer {world.bank.key}"}, None)
        assert answered[0] == 200
        await eventually(lambda: _logged(caplog, (f"GET {path} 200", ROUTE, 200)))
    assert metrics.get_sample_value("finmatch_http_request_duration_seconds_count", labels) == counted + 1


async def _logged(caplog: pytest.LogCaptureFixture, line: tuple[str, str, int]) -> bool:
    seen = {(r.getMessage(), getattr(r, "route", None), getattr(r, "status", None)) for r in caplog.records}
    return line in seen
