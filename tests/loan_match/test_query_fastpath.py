"""The match query's fast path (routes/fastpath.py) answers exactly as the FastAPI route does.

Two loan_match instances on the stack's database: the app as it runs (fast path) and the same
app with the fast path taken out (every query through FastAPI). A query changes nothing another
query reads (its record is counted for the stats only), so both get the same request, the same
principal and request id, and must give the same status, every header but ``Date`` and the same
body: matches, excluded products, ratings and every problem.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from services.loan_match.routes.fastpath import PATH, MatchQueryFastPath
from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import item, upload
from tests.support.fastpath import Counting, Instance, fast_path_of, with_and_without
from tests.support.loan_match import WAN, publish, put_profile
from tests.support.principals import as_org, as_service
from tests.support.stack import Stack

UNCOMPARED = frozenset({"date"})
Answer = tuple[int, bytes, dict[str, str]]


@pytest.fixture(scope="module")
def instances(stack: Stack) -> Iterator[tuple[Instance, Instance]]:
    with with_and_without(stack, "loan_match", MatchQueryFastPath) as pair:
        yield pair


@dataclass
class World:
    app: Actor
    bank: Actor
    plain: str  # the app's profile, authorised, unrated
    rated: str  # the app's profile, authorised, rated B


@pytest.fixture(scope="module")
async def world(stack: Stack) -> AsyncIterator[World]:
    api = Api(stack.url("gateway"))
    try:
        bank, app, tax = await api.org("bank"), await api.org("partner_app"), await api.org("tax_authority")
        await publish(api, bank)
        await publish(api, bank, annual_rate_bp=420, min_rating="B", sizes=["small"])
        await publish(api, bank, min_amount_fen=500 * WAN)  # fails the amount
        rated = make_uscc()
        await upload(api, tax, [item(uscc=rated, rating="B", avg_annual_tax_fen=9_00)])
        plain = (await put_profile(api, app))["uscc"]
        await put_profile(api, app, rated)
        yield World(app, bank, plain, rated)
    finally:
        await api.aclose()


def _body(uscc: str, **overrides: Any) -> dict[str, Any]:
    return {"uscc": uscc, "amount_fen": 100 * WAN, "term_months": 12, **overrides}


@dataclass
class Case:
    """A request: who calls, the body, extra headers, the status expected."""

    name: str
    status: int
    body: Callable[[World], Any]  # bytes are sent as they are, anything else as JSON
    auth: Callable[[World], httpx.Auth | None] = lambda w: as_org("partner_app", w.app.org_id)
    headers: dict[str, str] | None = None
    query: str = ""
    chunked: bool = False


def _content(body: Any) -> bytes:
    return body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()


async def _in_pieces(content: bytes) -> AsyncIterator[bytes]:
    """The body sent chunked, in three pieces, a moment apart."""
    third = len(content) // 3 + 1
    for start in range(0, len(content), third):
        yield content[start : start + third]
        await asyncio.sleep(0.01)


async def _post(url: str, case: Case, world: World, headers: dict[str, str]) -> Answer:
    content = _content(case.body(world))
    body = _in_pieces(content) if case.chunked else content
    async with httpx.AsyncClient(base_url=url, timeout=30.0) as client:
        response = await client.request(
            "POST", PATH + case.query, content=body, auth=case.auth(world), headers=headers
        )
    got = {k: v for k, v in response.headers.multi_items() if k not in UNCOMPARED}
    assert len(got) == len(response.headers.multi_items()) - len(UNCOMPARED), "a header twice"
    return response.status_code, response.content, got


async def _same(instances: tuple[Instance, Instance], world: World, case: Case) -> Answer:
    """Both instances' answers to the case; they must be identical."""
    headers = {"Content-Type": "application/json", "X-Request-ID": uuid.uuid4().hex, **(case.headers or {})}
    fast, plain = [await _post(instance.url, case, world, headers) for instance in instances]
    assert fast == plain, case.name
    assert plain[0] == case.status, (case.name, plain)
    return plain


def _q(**overrides: Any) -> Callable[[World], Any]:
    return lambda w: {**_body(w.plain), **overrides}


def _without(name: str) -> Callable[[World], Any]:
    return lambda w: {k: v for k, v in _body(w.plain).items() if k != name}


def _as(role: str) -> Callable[[World], httpx.Auth | None]:
    return lambda w: as_org(role, str(uuid.uuid4()))


def _queries() -> list[Case]:
    """Queries the route answers: matches, excluded products, a rating, its 404."""
    return [
        Case("the default limit", 200, _q()),
        Case("every match and the excluded", 200, _q(include_excluded=True, limit=1000)),
        Case("the first match", 200, _q(limit=1)),
        Case("a rated enterprise", 200, lambda w: _body(w.rated, include_excluded=True, limit=1000)),
        Case("lower-case USCC", 200, lambda w: _body(w.plain.lower())),
        Case("a large amount", 200, _q(amount_fen=800 * WAN, term_months=36)),
        Case("no profile", 404, lambda w: _body(make_uscc())),
        Case("in Chinese", 200, _q(limit=1000), headers={"Accept-Language": "zh-CN"}),
        Case(
            "no profile, in Chinese", 404, lambda w: _body(make_uscc()), headers={"Accept-Language": "zh-CN"}
        ),
        Case("a query string", 200, _q(), query="?x=1"),
        Case("an Idempotency-Key", 200, _q(), headers={"Idempotency-Key": uuid.uuid4().hex}),
        Case("chunked", 200, _q(), chunked=True),
    ]


def _bodies() -> list[Case]:
    """Bodies the model refuses or FastAPI reads otherwise, and the body's edge cases."""
    return [
        Case("missing field", 422, _without("amount_fen")),
        Case("missing USCC", 422, _without("uscc")),
        Case("unknown field", 422, _q(extra=1)),
        Case("invalid USCC", 422, _q(uscc="91620100MA72RH3L1X")),
        Case("amount as a string", 422, _q(amount_fen="100")),
        Case("amount as a float", 422, _q(amount_fen=100.0)),
        Case("zero amount", 422, _q(amount_fen=0)),
        Case("term of 0 months", 422, _q(term_months=0)),
        Case("limit 0", 422, _q(limit=0)),
        Case("limit 1001", 422, _q(limit=1001)),
        Case("limit as a string", 422, _q(limit="5")),
        Case("include_excluded as 1", 422, _q(include_excluded=1)),
        Case("include_excluded as a string", 422, _q(include_excluded="true")),
        Case("limit null", 422, _q(limit=None)),
        Case("in Chinese", 422, _q(limit=0), headers={"Accept-Language": "zh-CN"}),
        Case("a list", 422, lambda w: [_body(w.plain)]),
        Case("null", 422, lambda w: None),
        Case("not JSON", 422, lambda w: b"{not json"),
        Case("no body", 422, lambda w: b""),
        Case("not UTF-8", 400, lambda w: b'{"uscc": "\xff"}'),
        Case("JSON with a charset", 200, _q(), headers={"Content-Type": "application/json; charset=utf-8"}),
        Case("JSON as text", 422, _q(), headers={"Content-Type": "text/plain"}),
        Case("a +json type", 200, _q(), headers={"Content-Type": "application/vnd.x+json"}),
        Case("chunked, refused", 422, _q(limit=0), chunked=True),
    ]


def _callers() -> list[Case]:
    """Who may not query: the route's 401 and 403s, before and after its body is read."""
    return [
        Case("a bank", 403, _q(), _as("bank")),
        Case("a bank, bad body", 422, lambda w: b"{", _as("bank")),
        Case("admin", 403, _q(), _as("admin")),
        Case("regulator", 403, _q(), _as("regulator")),
        Case("a service", 403, _q(), lambda w: as_service("credit_push")),
        Case("no credential", 401, _q(), lambda w: None),
        Case("another app", 404, _q(), _as("partner_app")),
    ]


async def test_the_fast_path_answers_as_the_route(instances: tuple[Instance, Instance], world: World) -> None:
    for case in _queries() + _bodies() + _callers():
        await _same(instances, world, case)


async def test_the_fast_path_is_taken_for_the_common_case_only(
    instances: tuple[Instance, Instance], world: World
) -> None:
    fast, _ = instances
    app = as_org("partner_app", world.app.org_id)
    await _post(fast.url, Case("warm", 401, _q(), lambda w: None), world, {})  # builds the middleware stack
    fast_path = fast_path_of(fast.app, MatchQueryFastPath)
    counting = Counting(fast_path.app)
    fast_path.app = counting
    metrics = fast.app.state.ctx.metrics.registry
    labels = {"method": "POST", "route": PATH, "status": "200"}
    counted = metrics.get_sample_value("finmatch_http_request_duration_seconds_count", labels) or 0
    json_type = {"Content-Type": "application/json"}
    served = [
        Case("a query", 200, _q(), lambda w: app),
        Case("chunked", 200, _q(), lambda w: app, chunked=True),
    ]
    handed_on = [
        (Case("refused", 422, _q(limit=0), lambda w: app), json_type),
        (Case("charset", 200, _q(), lambda w: app), {"Content-Type": "application/json; charset=utf-8"}),
    ]
    try:
        for case in served:
            assert (await _post(fast.url, case, world, json_type))[0] == case.status
        assert counting.calls == 0
        for case, headers in handed_on:
            assert (await _post(fast.url, case, world, headers))[0] == case.status
        assert counting.calls == len(handed_on)
    finally:
        fast_path.app = counting.app
    # The route as FastAPI records it, in the metrics.
    assert metrics.get_sample_value("finmatch_http_request_duration_seconds_count", labels) == counted + 3
