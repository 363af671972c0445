"""Idempotency keys and retries: which requests are retried, with which key, after which answers."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from finmatch_client import AsyncFinmatch, Finmatch, ProblemError

from tests.client.scripted import DROP, Answer, Scripted

CREATED = Answer(201, {"id": "e-1"})
BUSY = Answer(
    503,
    {
        "type": "https://finmatch/problems/service-unavailable",
        "title": "Busy",
        "status": 503,
        "detail": "later",
        "request_id": "r-1",
    },
    {"retry-after": "0"},
)


@pytest.fixture
def server() -> Iterator[Scripted]:
    running = Scripted([CREATED])
    yield running
    running.stop()


def client(server: Scripted, retries: int = 3) -> Finmatch:
    return Finmatch(server.url, "fm_test", retries=retries, backoff_s=0.0)


def test_a_creating_post_gets_a_key_and_is_retried_with_the_same_key(server: Scripted) -> None:
    server.script = [BUSY, Answer(502, None), Answer(DROP), CREATED]
    with client(server) as fm:
        assert fm.post("/v1/guarantee/exposures", {"loan_ref": "L-1"}) == {"id": "e-1"}
    keys = [seen.headers.get("idempotency-key") for seen in server.seen]
    assert len(keys) == 4 and keys[0] and set(keys) == {keys[0]}
    assert all(seen.body == b'{"loan_ref":"L-1"}' for seen in server.seen)
    assert all(seen.headers["authorization"] == "Bearer fm_test" for seen in server.seen)


def test_each_creating_post_gets_its_own_key_and_a_given_key_is_kept(server: Scripted) -> None:
    with client(server) as fm:
        fm.post("/v1/match/products", {})
        fm.post("/v1/match/products", {})
        fm.post("/v1/match/products", {}, idempotency_key="mine-1")
    keys = [seen.headers["idempotency-key"] for seen in server.seen]
    assert keys[0] != keys[1] and keys[2] == "mine-1"


def test_a_post_without_a_key_is_never_retried(server: Scripted) -> None:
    server.script = [BUSY, CREATED]
    with client(server) as fm, pytest.raises(ProblemError) as raised:
        fm.post("/v1/credit/subscriptions/s-1/rotate-secret")
    assert len(server.seen) == 1 and "idempotency-key" not in server.seen[0].headers
    assert (raised.value.status, raised.value.slug, raised.value.request_id) == (
        503,
        "service-unavailable",
        "r-1",
    )
    assert raised.value.retry_after_s == 0


def test_a_dropped_connection_fails_a_keyless_post_at_once(server: Scripted) -> None:
    server.script = [Answer(DROP), CREATED]
    with client(server) as fm, pytest.raises(httpx.TransportError):
        fm.post("/v1/match/queries", {"uscc": "x"})
    assert len(server.seen) == 1


def test_gets_are_retried_after_429_and_gateway_errors(server: Scripted) -> None:
    limited = Answer(
        429, {"type": "t/rate-limited", "title": "Slow down", "status": 429}, {"retry-after": "0"}
    )
    server.script = [limited, Answer(504, None), Answer(DROP), Answer(200, {"org_id": "o"})]
    with client(server) as fm:
        assert fm.get("/v1/me") == {"org_id": "o"}
    assert [seen.method for seen in server.seen] == ["GET"] * 4


def test_retries_give_up_and_raise_the_last_problem(server: Scripted) -> None:
    server.script = [BUSY]
    with client(server, retries=2) as fm, pytest.raises(ProblemError) as raised:
        fm.get("/v1/me")
    assert len(server.seen) == 3 and raised.value.status == 503


def test_other_errors_are_not_retried_and_carry_their_members(server: Scripted) -> None:
    body = {
        "type": "https://finmatch/problems/leverage-limit-exceeded",
        "title": "Leverage",
        "status": 409,
        "detail": "over",
        "request_id": "r-9",
        "limit_fen": 100,
        "current_fen": 90,
        "requested_fen": 20,
    }
    server.script = [Answer(409, body)]
    with client(server) as fm, pytest.raises(ProblemError) as raised:
        fm.post("/v1/guarantee/exposures", {})
    assert len(server.seen) == 1
    problem = raised.value
    assert (problem.slug, problem.title, problem.detail, problem.request_id) == (
        "leverage-limit-exceeded",
        "Leverage",
        "over",
        "r-9",
    )
    assert problem.extra == {"limit_fen": 100, "current_fen": 90, "requested_fen": 20}


async def test_the_async_client_retries_the_same_way(server: Scripted) -> None:
    server.script = [BUSY, CREATED]
    async with AsyncFinmatch(server.url, "fm_test", backoff_s=0.0) as fm:
        assert await fm.post("/v1/credit/consents", {}) == {"id": "e-1"}
    keys = [seen.headers["idempotency-key"] for seen in server.seen]
    assert len(keys) == 2 and keys[0] == keys[1]
