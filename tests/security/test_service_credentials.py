"""Service credentials (CONTRACT §2): only a token minted for this very call, by the right process.

Every case goes to a real port of the in-process stack on PostgreSQL. Each port is first shown to
accept the genuine token for the call (so a 401 below is the token's fault, not the route's).
"""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from kit.credentials import generate_signing_key
from kit.principal import HEADER, SERVICE_ROLE, Principal, subject_of
from tests.support.api import Api, make_uscc
from tests.support.principals import as_service, token, vouched
from tests.support.stack import Stack

ADMIN = Principal(role="admin", name="operator", org_id="00000000-0000-4000-8000-000000000001")

# (port, a GET it answers, the principal whose token a gateway-like caller would mint for it)
CALLS = (
    ("credit_push", "/v1/credit/stats", ADMIN),
    ("guarantee", "/v1/guarantee/reports/summary", ADMIN),
    ("loan_match", "/v1/match/stats", ADMIN),
    (
        "gateway",
        "/internal/orgs?role=bank&limit=1",
        Principal(SERVICE_ROLE, "loan_match", service="loan_match"),
    ),
)


def _issuer(principal: Principal) -> str:
    return principal.service or "gateway"


def _genuine(name: str, path: str, principal: Principal, **changes: Any) -> str:
    call: dict[str, Any] = {
        "audience": name,
        "method": "GET",
        "target": path,
        "subject": subject_of(principal),
    }
    return token(_issuer(principal), **{**call, **changes})


def _bad_tokens(name: str, target: str, principal: Principal) -> dict[str, str]:
    other = "guarantee" if name != "guarantee" else "loan_match"
    path = target.split("?")[0]
    return {
        "forged": _genuine(name, target, principal, signing_key=generate_signing_key()),
        "expired": _genuine(name, target, principal, issued_at=time.time() - 120),
        "too long-lived": _genuine(name, target, principal, ttl_s=3600),
        "wrong audience": _genuine(name, target, principal, audience=other),
        "wrong method": _genuine(name, target, principal, method="POST"),
        "wrong path": _genuine(name, target, principal, target=path + "/x"),
        "other query": _genuine(name, target, principal, target=path + "?limit=2"),
        "garbage": "e30.e30.e30",
    }


@pytest.mark.parametrize(("name", "target", "principal"), CALLS, ids=[c[0] for c in CALLS])
async def test_every_port_takes_only_a_token_minted_for_this_call(
    stack: Stack, name: str, target: str, principal: Principal
) -> None:
    async with httpx.AsyncClient(base_url=stack.url(name)) as client:
        genuine = await client.get(target, headers={HEADER: _genuine(name, target, principal)})
        assert genuine.status_code == 200, genuine.text
        for case, bad in _bad_tokens(name, target, principal).items():
            refused = await client.get(target, headers={HEADER: bad})
            assert refused.status_code == 401, (name, case, refused.text)
            assert refused.json()["type"].endswith("/unauthorized")


async def test_a_token_the_gateway_minted_is_refused_on_any_other_call(stack: Stack, api: Api) -> None:
    """A real gateway token, captured upstream, replayed on another path, method or port: 401."""
    captured: dict[str, str] = {}

    async def capture(request: httpx.Request) -> None:
        captured["token"] = request.headers[HEADER]

    auth = vouched(ADMIN)
    async with httpx.AsyncClient(
        base_url=stack.url("loan_match"), event_hooks={"request": [capture]}
    ) as client:
        assert (await client.get("/v1/match/stats", auth=auth)).status_code == 200
    replayed = {HEADER: captured["token"]}
    async with httpx.AsyncClient() as client:
        assert (
            await client.get(stack.url("loan_match") + "/v1/match/stats", headers=replayed)
        ).status_code == 200
        for url in (
            stack.url("loan_match") + "/v1/match/products",
            stack.url("loan_match") + "/v1/match/stats?x=1",
            stack.url("guarantee") + "/v1/match/stats",
            stack.url("credit_push") + "/v1/credit/stats",
        ):
            assert (await client.get(url, headers=replayed)).status_code == 401, url
        assert (
            await client.post(stack.url("loan_match") + "/v1/match/stats", headers=replayed)
        ).status_code == 401


@pytest.mark.parametrize("role", ["bank", "admin"])
@pytest.mark.parametrize(
    ("name", "path"), [("guarantee", "/v1/guarantee/exposures"), ("loan_match", "/v1/match/stats")]
)
async def test_a_service_cannot_vouch_for_an_org(stack: Stack, role: str, name: str, path: str) -> None:
    """credit_push's own key, claiming to be a bank or the admin: nobody takes it."""
    org = Principal(role=role, name="claimed", org_id="00000000-0000-4000-8000-000000000001")
    async with httpx.AsyncClient(base_url=stack.url(name)) as client:
        refused = await client.get(path, auth=vouched(org, issuer="credit_push"))
        assert refused.status_code == 401, refused.text
        assert (await client.get(path, auth=vouched(org))).status_code != 401  # the gateway may


async def test_a_service_cannot_speak_in_another_services_name(stack: Stack) -> None:
    loan_match = Principal(role=SERVICE_ROLE, name="loan_match", service="loan_match")
    target = "/internal/guarantee/capacity"
    async with httpx.AsyncClient(base_url=stack.url("guarantee")) as client:
        params: dict[str, str | int] = {
            "bank_org_id": "00000000-0000-4000-8000-000000000000",
            "guaranteed_fen": 1,
        }
        assert (await client.get(target, params=params, auth=vouched(loan_match))).status_code == 200
        forged = await client.get(target, params=params, auth=vouched(loan_match, issuer="credit_push"))
        assert forged.status_code == 401


async def test_internal_operations_admit_only_the_services_that_need_them(stack: Stack, api: Api) -> None:
    uscc = make_uscc()
    ratings = f"/internal/credit/ratings/{uscc}?for_org_id=00000000-0000-4000-8000-000000000001"
    facts = f"/internal/credit/match-facts/{uscc}?for_org_id=00000000-0000-4000-8000-000000000001"
    capacity = (
        "/internal/guarantee/capacity?bank_org_id=00000000-0000-4000-8000-000000000000&guaranteed_fen=1"
    )
    async with httpx.AsyncClient() as client:
        for name, path in (("credit_push", ratings), ("credit_push", facts), ("guarantee", capacity)):
            url = stack.url(name) + path
            allowed = await client.get(url, auth=as_service("loan_match"))
            assert allowed.status_code in (200, 404), allowed.text  # 404: no rating for a new USCC
            for caller in {"credit_push", "guarantee"} - {name} | {"gateway"}:
                refused = await client.get(url, auth=as_service(caller))
                assert refused.status_code == 403, (name, caller, refused.text)
                assert refused.json()["type"].endswith("/forbidden")
        bank = await api.org("bank")
        for caller in ("credit_push", "guarantee", "loan_match"):
            found = await client.get(
                f"{stack.url('gateway')}/internal/orgs/{bank.org_id}", auth=as_service(caller)
            )
            assert found.status_code == 200, (caller, found.text)
        gateway_itself = await client.get(
            f"{stack.url('gateway')}/internal/orgs/{bank.org_id}", auth=as_service("gateway")
        )
        assert gateway_itself.status_code == 403


async def test_without_keys_a_process_is_not_ready_and_says_why(stack: Stack) -> None:
    url, stop = stack.spawn("guarantee", signing_key="")
    url2, stop2 = stack.spawn("loan_match", trusted_keys="")
    try:
        async with httpx.AsyncClient() as client:
            no_key = await client.get(url + "/readyz")
            assert no_key.status_code == 503
            assert no_key.json()["checks"]["credentials"] == "FINMATCH_SIGNING_KEY is not set"
            no_trust = await client.get(url2 + "/readyz")
            assert no_trust.status_code == 503
            assert no_trust.json()["checks"]["credentials"] == "FINMATCH_TRUSTED_KEYS is not set"
            # Trusting nobody, it takes nobody's word.
            assert (await client.get(url2 + "/v1/match/stats", auth=vouched(ADMIN))).status_code == 401
    finally:
        stop()
        stop2()
