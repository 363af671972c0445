"""The rating read's fast path (routes/fastpath.py) answers exactly as the FastAPI route does.

Two credit_push instances on the stack's database: the app as it runs (fast path) and the same
app with the fast path taken out (every read through FastAPI). Each request goes to both with
the same principal and request id; status, body, ETag and the other headers must be identical.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Generator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from kit.principal import HEADER, Principal, subject_of
from services.credit_push.routes.fastpath import PATH, RatingReadFastPath
from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import access_log, eventually, give_consent, item, upload
from tests.support.fastpath import Counting, Instance, fast_path_of, with_and_without
from tests.support.principals import as_org, as_service, target_of, token
from tests.support.stack import Stack

HEADERS = ("content-type", "content-length", "etag", "x-request-id", "www-authenticate")


@pytest.fixture(scope="module")
def instances(stack: Stack) -> Iterator[tuple[Instance, Instance]]:
    with with_and_without(stack, "credit_push", RatingReadFastPath) as pair:
        yield pair


@dataclass
class World:
    tax: Actor
    bank: Actor
    other_bank: Actor
    a_rated: str  # on the public A list
    b_consented: str  # B, and `bank` holds the enterprise's consent
    b_unentitled: str  # B, no consent: 404 for a bank


@pytest.fixture(scope="module")
async def world(stack: Stack) -> AsyncIterator[World]:
    api = Api(stack.url("gateway"))
    try:
        tax, bank, other, partner = (
            await api.org("tax_authority"),
            await api.org("bank"),
            await api.org("bank"),
            await api.org("partner_app"),
        )
        a, b, c = (
            item(rating="A", avg_annual_tax_fen=5_00),
            item(rating="B", avg_annual_tax_fen=7_00),
            item(rating="B"),
        )
        await upload(api, tax, [a, b, c])
        await give_consent(api, partner, b["uscc"], bank)
        yield World(tax, bank, other, a["uscc"], b["uscc"], c["uscc"])
    finally:
        await api.aclose()


async def _get(url: str, path: str, auth: httpx.Auth | None, method: str = "GET", **headers: str) -> Any:
    async with httpx.AsyncClient(base_url=url, timeout=30.0) as client:
        response = await client.request(method, path, auth=auth, headers=headers)
    return response.status_code, response.content, {h: response.headers.get(h) for h in HEADERS}


async def _same(instances: tuple[Instance, Instance], path: str, auth: httpx.Auth | None, **kw: Any) -> Any:
    """The answer of both instances to the same request; they must be identical."""
    fast, plain = instances
    request_id = uuid.uuid4().hex
    headers = {"X-Request-ID": request_id, **kw.pop("headers", {})}
    answered = await _get(fast.url, path, auth, **kw, **headers)
    assert answered == await _get(plain.url, path, auth, **kw, **headers)
    return answered


def _cases(w: World) -> list[tuple[str, str, httpx.Auth | None, int]]:
    bank, other, tax = w.bank, w.other_bank, w.tax
    path = f"{PATH.removesuffix('{uscc}')}"
    return [
        ("entitled bank, A list", path + w.a_rated, as_org("bank", bank.org_id), 200),
        ("bank with the consent", path + w.b_consented, as_org("bank", bank.org_id), 200),
        ("unentitled bank", path + w.b_unentitled, as_org("bank", other.org_id), 404),
        ("unknown enterprise", path + make_uscc(), as_org("bank", bank.org_id), 404),
        ("lower-case USCC", path + w.a_rated.lower(), as_org("bank", bank.org_id), 200),
        ("tax authority", path + w.b_consented, as_org("tax_authority", tax.org_id), 200),
        ("admin", path + w.b_unentitled, as_org("admin", str(uuid.uuid4())), 200),
        ("regulator", path + w.b_unentitled, as_org("regulator", str(uuid.uuid4())), 200),
        ("invalid USCC", path + "91620100MA72RH3L1X", as_org("bank", bank.org_id), 422),
        ("wrong role", path + w.a_rated, as_org("partner_app", str(uuid.uuid4())), 403),
        ("a service", path + w.a_rated, as_service("loan_match"), 403),
        ("missing credential", path + w.a_rated, None, 401),
        ("a longer path", path + w.a_rated + "/x", as_org("bank", bank.org_id), 404),
    ]


async def test_the_fast_path_answers_as_the_route(instances: tuple[Instance, Instance], world: World) -> None:
    for case, path, auth, status in _cases(world):
        answered = await _same(instances, path, auth)
        assert answered[0] == status, (case, answered)
    entitled = f"{PATH.removesuffix('{uscc}')}{world.a_rated}"
    bank = as_org("bank", world.bank.org_id)
    # HEAD is answered as GET (kit.middleware), so its token is minted for GET, as the gateway does.
    status, body, headers = await _same(instances, entitled, _as_get(world.bank), method="HEAD")
    assert (status, body) == (200, b"") and headers["etag"]
    assert headers == (await _same(instances, entitled, bank))[2] | {"x-request-id": headers["x-request-id"]}
    # The route ignores conditional headers and a query: so does the fast path.
    await _same(instances, entitled, bank, headers={"If-None-Match": str(headers["etag"])})
    await _same(instances, entitled + "?x=1", bank)


async def test_the_public_answer_leaves_out_the_tax_figure(
    instances: tuple[Instance, Instance], world: World
) -> None:
    path = f"{PATH.removesuffix('{uscc}')}"
    _, public, _ = await _same(instances, path + world.a_rated, as_org("bank", world.bank.org_id))
    _, full, _ = await _same(instances, path + world.a_rated, as_org("tax_authority", world.tax.org_id))
    assert b"avg_annual_tax_fen" not in public and b'"avg_annual_tax_fen":500' in full


class _AsGet(httpx.Auth):
    """A token for GET on any request (the gateway forwards a HEAD as GET)."""

    def __init__(self, principal: Principal) -> None:
        self.principal = principal

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[HEADER] = token(
            "gateway",
            audience="credit_push",
            method="GET",
            target=target_of(request),
            subject=subject_of(self.principal),
        )
        yield request


def _as_get(bank: Actor) -> httpx.Auth:
    return _AsGet(Principal(role="bank", name=bank.name, org_id=bank.org_id))


async def test_the_fast_path_is_taken_for_the_common_case_only(
    instances: tuple[Instance, Instance], world: World, caplog: pytest.LogCaptureFixture
) -> None:
    fast, _ = instances
    await _same(instances, "/healthz", None)  # the middleware stack is built by the first request
    fast_path = fast_path_of(fast.app, RatingReadFastPath)
    counting = Counting(fast_path.app)
    fast_path.app = counting
    metrics = fast.app.state.ctx.metrics.registry
    labels = {"method": "GET", "route": PATH, "status": "200"}
    counted = metrics.get_sample_value("finmatch_http_request_duration_seconds_count", labels) or 0
    path = PATH.removesuffix("{uscc}")
    bank = as_org("bank", world.bank.org_id)
    served = [(world.a_rated, bank, 200), (world.b_consented, bank, 200), (world.b_unentitled, bank, 404)]
    handed_on = [
        ("91620100MA72RH3L1X", bank, 422),
        (world.a_rated, as_org("partner_app", str(uuid.uuid4())), 403),
    ]
    try:
        with caplog.at_level(logging.INFO, logger="kit.access"):
            for uscc, auth, status in served:
                assert (await _get(fast.url, path + uscc, auth))[0] == status
            assert counting.calls == 0
            for uscc, auth, status in handed_on:
                assert (await _get(fast.url, path + uscc, auth))[0] == status
            assert counting.calls == 2
            # The route as FastAPI records it, in the access line (written once the answer is sent).
            lines = {(f"GET {path}{uscc} {status}", PATH, status) for uscc, _, status in served + handed_on}
            await eventually(lambda: _logged(caplog, lines))
    finally:
        fast_path.app = counting.app
    # ... and in the metrics.
    assert metrics.get_sample_value("finmatch_http_request_duration_seconds_count", labels) == counted + 2


async def _logged(caplog: pytest.LogCaptureFixture, lines: set[tuple[str, str, int]]) -> bool:
    seen = {(r.getMessage(), getattr(r, "route", None), getattr(r, "status", None)) for r in caplog.records}
    return seen >= lines


async def test_a_consented_read_is_in_the_access_log(
    stack: Stack, instances: tuple[Instance, Instance], world: World
) -> None:
    fast, plain = instances
    path = PATH.removesuffix("{uscc}") + world.b_consented
    before = await _reads_of(stack, world)
    for instance in (fast, plain):
        answer = await _get(instance.url, path, as_org("bank", world.bank.org_id))
        assert answer[0] == 200
    entries = await eventually(lambda: _more_reads(stack, world, len(before) + 2))
    assert {(e["what"], e["reader_org_id"]) for e in entries[:2]} == {("tax_figure", world.bank.org_id)}


async def _reads_of(stack: Stack, world: World) -> list[dict[str, Any]]:
    api = Api(stack.url("gateway"))
    try:
        entries = await access_log(api, world.tax, uscc=world.b_consented)
    finally:
        await api.aclose()
    return [e for e in entries if e["via"] == "rating_read"]


async def _more_reads(stack: Stack, world: World, n: int) -> list[dict[str, Any]] | None:
    entries = await _reads_of(stack, world)
    return entries if len(entries) >= n else None
