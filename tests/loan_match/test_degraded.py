"""Degraded matching: a loan_match whose credit_push or guarantee does not answer.

Another loan_match instance runs on the same database with the dependency's URL
pointing at a dead port (nothing listens) or at a socket that accepts and never answers
(exercising the short internal timeout). We call it directly, signed as the platform
would sign the partner app, since the gateway routes only to the main instance.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from kit.principal import Principal
from tests.support.api import Actor, Api
from tests.support.loan_match import WAN, of_bank, publish, put_profile
from tests.support.principals import vouched
from tests.support.stack import Stack, free_socket


@pytest.fixture(scope="module")
def dead_url() -> str:
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()  # nothing listens here any more
    return f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def silent_url() -> Iterator[str]:
    sock = free_socket()
    sock.listen(64)  # the kernel accepts connections; nobody ever answers
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()


def _spawn(stack: Stack, **overrides: Any) -> Iterator[str]:
    url, stop = stack.spawn("loan_match", **overrides)
    yield url
    stop()


@pytest.fixture(scope="module")
def no_credit_push(stack: Stack, dead_url: str) -> Iterator[str]:
    yield from _spawn(stack, credit_push_url=dead_url)


@pytest.fixture(scope="module")
def no_guarantee(stack: Stack, dead_url: str) -> Iterator[str]:
    yield from _spawn(stack, guarantee_url=dead_url)


@pytest.fixture(scope="module")
def silent_dependencies(stack: Stack, silent_url: str) -> Iterator[str]:
    yield from _spawn(stack, credit_push_url=silent_url, guarantee_url=silent_url, internal_timeout_s=0.5)


@pytest.fixture
async def direct() -> AsyncIterator[Callable[[str, Actor, dict[str, Any]], Any]]:
    async with httpx.AsyncClient(timeout=30.0) as client:

        async def post_query(base: str, app: Actor, body: dict[str, Any]) -> httpx.Response:
            me = Principal(role="partner_app", name=app.name, org_id=app.org_id)
            return await client.post(f"{base}/v1/match/queries", json=body, auth=vouched(me))

        yield post_query


async def _setup(api: Api) -> tuple[Actor, Actor, dict[str, dict[str, Any]], dict[str, Any]]:
    bank, app = await api.org("bank"), await api.org("partner_app")
    products = {
        "plain": await publish(api, bank, name="纯信用"),
        "rated": await publish(api, bank, name="银税贷", min_rating="B"),
        "taxed": await publish(api, bank, name="税额贷", tax_multiple={"A": 10}),
        "guaranteed": await publish(api, bank, name="担保贷", requires_guarantee=True),
    }
    profile = await put_profile(api, app)
    # The catalogue is shared by the whole run: other tests' cheaper products must not push this
    # bank's match out of the first `limit` (20 by default), whatever order the tests run in.
    body = {
        "uscc": profile["uscc"],
        "amount_fen": 100 * WAN,
        "term_months": 12,
        "include_excluded": True,
        "limit": 1000,
    }
    return bank, app, products, body


def _failed(result: dict[str, Any], bank: Actor) -> dict[str, list[tuple[str, bool]]]:
    return {
        e["product_name"]: [(f["criterion"], "did not answer" in f["detail"]) for f in e["failed"]]
        for e in of_bank(result["excluded"], bank)
    }


async def test_credit_push_down(api: Api, no_credit_push: str, direct: Any) -> None:
    bank, app, products, body = await _setup(api)
    response = await direct(no_credit_push, app, body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["degraded"] == ["credit_push"] and result["rating"] is None
    assert [m["product_id"] for m in of_bank(result["matches"], bank)] == [products["plain"]["id"]]
    assert _failed(result, bank) == {
        "银税贷": [("rating", True)],
        "税额贷": [("tax_multiple", True)],
        # guarantee answered: no agreement with this bank, a real failure, not a degraded one
        "担保贷": [("guarantee_capacity", False)],
    }


async def test_guarantee_down(api: Api, no_guarantee: str, direct: Any) -> None:
    bank, app, products, body = await _setup(api)
    response = await direct(no_guarantee, app, body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["degraded"] == ["guarantee"]
    assert [m["product_id"] for m in of_bank(result["matches"], bank)] == [products["plain"]["id"]]
    assert _failed(result, bank) == {
        "银税贷": [("rating", False)],
        "税额贷": [("tax_multiple", False)],
        "担保贷": [("guarantee_capacity", True)],
    }


async def test_silent_dependencies_time_out_and_degrade(
    api: Api, silent_dependencies: str, direct: Any
) -> None:
    bank, app, products, body = await _setup(api)
    response = await direct(silent_dependencies, app, body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["degraded"] == ["credit_push", "guarantee"]
    assert [m["product_id"] for m in of_bank(result["matches"], bank)] == [products["plain"]["id"]]
    assert {name: [c for c, _ in failed] for name, failed in _failed(result, bank).items()} == {
        "银税贷": ["rating"],
        "税额贷": ["tax_multiple"],
        "担保贷": ["guarantee_capacity"],
    }


async def test_degraded_instance_stays_ready(no_credit_push: str) -> None:
    """Readiness is loan_match's own (CONTRACT §1): it still serves, degraded, without credit_push."""
    async with httpx.AsyncClient(timeout=10.0) as client:
        ready = await client.get(f"{no_credit_push}/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "credentials": "ok"}


async def test_main_instance_is_ready(stack: Stack) -> None:
    async with httpx.AsyncClient(timeout=10.0) as client:
        ready = await client.get(f"{stack.url('loan_match')}/readyz")
    assert ready.status_code == 200, ready.text
