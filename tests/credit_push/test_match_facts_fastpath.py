"""The match-facts read's fast path (routes/facts_fastpath.py) answers exactly as the route does.

Two credit_push instances on the stack's database: the app as it runs (fast path) and the same
app with the fast path taken out (every read through FastAPI). Each request goes to both with
the same principal and request id; status, body and headers must be identical, and each shown
rating leaves the same access-log entry.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from services.credit_push.routes.facts_fastpath import PATH, PREFIX, MatchFactsFastPath
from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import access_log, authorise, blacklist, eventually, item, upload
from tests.support.fastpath import Counting, Instance, fast_path_of, with_and_without
from tests.support.principals import as_org, as_service
from tests.support.stack import Stack

HEADERS = ("content-type", "content-length", "etag", "x-request-id", "www-authenticate")


@pytest.fixture(scope="module")
def instances(stack: Stack) -> Iterator[tuple[Instance, Instance]]:
    with with_and_without(stack, "credit_push", MatchFactsFastPath) as pair:
        yield pair


@dataclass
class World:
    tax: Actor
    app: str  # holds the authorisations of `rated` and `listed`
    rated: str  # B, authorised: shown, with the tax figure
    listed: str  # blacklisted, rated and authorised
    unrated: str  # authorised, no rating
    unauthorised: str  # rated, no authorisation


@pytest.fixture(scope="module")
async def world(stack: Stack) -> AsyncIterator[World]:
    api = Api(stack.url("gateway"))
    try:
        tax, partner = await api.org("tax_authority"), await api.org("partner_app")
        rated, listed, unauthorised = (
            item(rating="B", avg_annual_tax_fen=7_00),
            item(rating="A", avg_annual_tax_fen=9_00),
            item(rating="C"),
        )
        unrated = make_uscc()
        await upload(api, tax, [rated, listed, unauthorised])
        for uscc in (rated["uscc"], listed["uscc"], unrated):
            await authorise(api, partner, uscc)
        await blacklist(api, tax, listed["uscc"])
        yield World(tax, partner.org_id, rated["uscc"], listed["uscc"], unrated, unauthorised["uscc"])
    finally:
        await api.aclose()


async def _get(url: str, path: str, auth: httpx.Auth | None, **headers: str) -> Any:
    async with httpx.AsyncClient(base_url=url, timeout=30.0) as client:
        response = await client.get(path, auth=auth, headers=headers)
    return response.status_code, response.content, {h: response.headers.get(h) for h in HEADERS}


async def _same(instances: tuple[Instance, Instance], path: str, auth: httpx.Auth | None) -> Any:
    """The answer of both instances to the same request; they must be identical."""
    fast, plain = instances
    request_id = uuid.uuid4().hex
    answered = await _get(fast.url, path, auth, **{"X-Request-ID": request_id})
    assert answered == await _get(plain.url, path, auth, **{"X-Request-ID": request_id})
    return answered


def _cases(w: World) -> list[tuple[str, str, httpx.Auth | None, int]]:
    app, loan_match = w.app, as_service("loan_match")
    q = f"?for_org_id={app}"
    return [
        ("authorised, rated", PREFIX + w.rated + q, loan_match, 200),
        ("authorised, listed", PREFIX + w.listed + q, loan_match, 200),
        ("authorised, unrated", PREFIX + w.unrated + q, loan_match, 200),
        ("not authorised", PREFIX + w.unauthorised + q, loan_match, 200),
        ("another app", PREFIX + w.rated + f"?for_org_id={uuid.uuid4()}", loan_match, 200),
        ("unknown enterprise", PREFIX + make_uscc() + q, loan_match, 200),
        ("lower-case USCC", PREFIX + w.rated.lower() + q, loan_match, 200),
        ("upper-case id", PREFIX + w.rated + q.upper().replace("FOR_ORG_ID", "for_org_id"), loan_match, 200),
        ("id without hyphens", PREFIX + w.rated + "?for_org_id=" + app.replace("-", ""), loan_match, 200),
        ("id in braces", PREFIX + w.rated + "?for_org_id={" + app + "}", loan_match, 200),
        ("id twice", PREFIX + w.rated + q + f"&for_org_id={uuid.uuid4()}", loan_match, 200),
        ("another parameter too", PREFIX + w.rated + q + "&x=1", loan_match, 200),
        ("no id", PREFIX + w.rated, loan_match, 422),
        ("an id that is not one", PREFIX + w.rated + "?for_org_id=x", loan_match, 422),
        ("invalid USCC", PREFIX + "91620100MA72RH3L1X" + q, loan_match, 422),
        ("another service", PREFIX + w.rated + q, as_service("guarantee"), 403),
        ("an org", PREFIX + w.rated + q, as_org("admin", str(uuid.uuid4())), 403),
        ("missing credential", PREFIX + w.rated + q, None, 401),
        ("a longer path", PREFIX + w.rated + "/x" + q, loan_match, 404),
    ]


async def test_the_fast_path_answers_as_the_route(instances: tuple[Instance, Instance], world: World) -> None:
    for case, path, auth, status in _cases(world):
        answered = await _same(instances, path, auth)
        assert answered[0] == status, (case, answered)
    _, body, _ = await _same(instances, PREFIX + world.listed + f"?for_org_id={world.app}", as_service())
    assert b'"blacklisted":true' in body and b'"avg_annual_tax_fen":900' in body


async def test_the_fast_path_is_taken_for_the_common_case_only(
    instances: tuple[Instance, Instance], world: World, caplog: pytest.LogCaptureFixture
) -> None:
    fast, _ = instances
    await _same(instances, "/healthz", None)  # the middleware stack is built by the first request
    fast_path = fast_path_of(fast.app, MatchFactsFastPath)
    counting = Counting(fast_path.app)
    fast_path.app = counting
    metrics = fast.app.state.ctx.metrics.registry
    labels = {"method": "GET", "route": PATH, "status": "200"}
    counted = metrics.get_sample_value("finmatch_http_request_duration_seconds_count", labels) or 0
    q = f"?for_org_id={world.app}"
    served = [world.rated + q, world.unauthorised + q, world.unrated + q]
    handed_on = [world.rated + q + "&x=1", world.rated]
    try:
        with caplog.at_level(logging.DEBUG, logger="kit.access"):  # a 200 internal read: DEBUG
            for tail in served:
                assert (await _get(fast.url, PREFIX + tail, as_service()))[0] == 200
            assert counting.calls == 0
            for tail in handed_on:
                await _get(fast.url, PREFIX + tail, as_service())
            assert counting.calls == 2
            # The route as FastAPI records it, in the access line (written once the answer is sent).
            await eventually(lambda: _logged(caplog, len(served) + 1))
    finally:
        fast_path.app = counting.app
    # ... and in the metrics (the two handed on: a 200 and a 422).
    assert metrics.get_sample_value("finmatch_http_request_duration_seconds_count", labels) == counted + 4


async def _logged(caplog: pytest.LogCaptureFixture, n: int) -> bool:
    seen = [r for r in caplog.records if getattr(r, "route", None) == PATH]
    return sum(1 for r in seen if getattr(r, "status", None) == 200) >= n


async def test_a_shown_rating_is_in_the_access_log(
    stack: Stack, instances: tuple[Instance, Instance], world: World
) -> None:
    api = Api(stack.url("gateway"))
    try:
        before = await _reads_of(api, world)
        for instance in instances:
            answer = await _get(instance.url, PREFIX + world.rated + f"?for_org_id={world.app}", as_service())
            assert answer[0] == 200
        entries = await eventually(lambda: _more(api, world, len(before) + 2))
    finally:
        await api.aclose()
    assert {(e["what"], e["reader_org_id"]) for e in entries[:2]} == {("tax_figure", world.app)}


async def _reads_of(api: Api, world: World) -> list[dict[str, Any]]:
    entries = await access_log(api, world.tax, uscc=world.rated)
    return [e for e in entries if e["via"] == "match_query"]


async def _more(api: Api, world: World, n: int) -> list[dict[str, Any]] | None:
    entries = await _reads_of(api, world)
    return entries if len(entries) >= n else None
