"""CONTRACT §2 through the real gateway: orgs, keys, /v1/me."""

import asyncio

import asyncpg

from deploy.embedded_pg import asyncpg_dsn
from tests.support.api import Api
from tests.support.stack import Stack


async def test_admin_creates_an_org_and_its_key_works(api: Api) -> None:
    bank = await api.org("bank", name="兰州银行 七里河支行")
    me = await api.call(bank, "GET", "/v1/me")
    assert me.status_code == 200
    assert me.json() == {"org_id": bank.org_id, "name": "兰州银行 七里河支行", "role": "bank"}


async def test_bootstrap_admin_key_is_an_admin(api: Api) -> None:
    me = await api.client.get("/v1/me", headers=api.admin_headers)
    assert me.status_code == 200
    assert me.json()["role"] == "admin"


async def test_missing_or_unknown_key_is_401_problem(api: Api) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer fmk_0123456789abcdef0123456789abcdef_nope"},
        {"Authorization": "Bearer nonsense"},
        {"Authorization": "Basic abc"},
    ):
        response = await api.client.get("/v1/me", headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        body = response.json()
        assert body["type"].endswith("/unauthorized")
        assert body["status"] == 401
        assert body["request_id"] == response.headers["x-request-id"]


async def test_non_admin_may_not_manage_orgs(api: Api) -> None:
    app = await api.org("partner_app")
    for method, path in (("POST", "/v1/orgs"), ("GET", "/v1/orgs"), ("POST", f"/v1/orgs/{app.org_id}/keys")):
        response = await api.call(app, method, path, json={"name": "x", "role": "bank"})
        assert response.status_code == 403, (method, path)
        assert response.json()["type"].endswith("/forbidden")


async def test_a_revoked_key_stops_working_at_once(api: Api) -> None:
    guarantor = await api.org("guarantor")
    second = await api.client.post(f"/v1/orgs/{guarantor.org_id}/keys", headers=api.admin_headers)
    key_id, key = second.json()["id"], second.json()["key"]
    assert (await api.client.get("/v1/me", headers={"Authorization": f"Bearer {key}"})).status_code == 200
    revoked = await api.client.delete(f"/v1/orgs/{guarantor.org_id}/keys/{key_id}", headers=api.admin_headers)
    assert revoked.status_code == 204
    assert (await api.client.get("/v1/me", headers={"Authorization": f"Bearer {key}"})).status_code == 401
    # The org's first key is untouched.
    assert (await api.call(guarantor, "GET", "/v1/me")).status_code == 200
    again = await api.client.delete(f"/v1/orgs/{guarantor.org_id}/keys/{key_id}", headers=api.admin_headers)
    assert again.status_code == 404


async def test_key_is_shown_once_and_only_its_hash_is_stored(api: Api, stack: Stack) -> None:
    tax = await api.org("tax_authority")
    conn = await asyncpg.connect(asyncpg_dsn(stack.database_url))
    try:
        rows = await conn.fetch(
            "SELECT secret_hash FROM gateway.api_keys WHERE org_id = $1::uuid", tax.org_id
        )
    finally:
        await conn.close()
    assert len(rows) == 1
    secret = tax.key.split("_", 2)[2]
    assert secret not in rows[0]["secret_hash"]
    assert tax.key not in rows[0]["secret_hash"]


async def test_org_validation_errors_are_problems_with_locations(api: Api) -> None:
    response = await api.client.post(
        "/v1/orgs", json={"name": "", "role": "bandit"}, headers=api.admin_headers
    )
    assert response.status_code == 422
    body = response.json()
    assert body["type"].endswith("/validation-error")
    assert {tuple(err["loc"]) for err in body["errors"]} == {("body", "name"), ("body", "role")}
    assert (
        await api.client.post(
            "/v1/orgs", content=b"{", headers={**api.admin_headers, "content-type": "application/json"}
        )
    ).status_code == 422


async def test_unknown_org_or_key_is_404(api: Api) -> None:
    for path in ("/v1/orgs/not-a-uuid/keys", "/v1/orgs/00000000-0000-4000-8000-00000000abcd/keys"):
        response = await api.client.post(path, headers=api.admin_headers)
        assert response.status_code == 404
        assert response.json()["type"].endswith("/not-found")


async def test_org_list_pages_oldest_first_without_repeats(api: Api) -> None:
    made = [await api.org("partner_app") for _ in range(5)]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {
            "role": "partner_app",
            "limit": 2,
            **({"cursor": cursor} if cursor else {}),
        }
        page = (await api.client.get("/v1/orgs", params=params, headers=api.admin_headers)).json()
        seen.extend(org["id"] for org in page["items"])
        assert all(org["role"] == "partner_app" for org in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen))
    positions = [seen.index(actor.org_id) for actor in made]
    assert positions == sorted(positions)
    bad = await api.client.get("/v1/orgs", params={"cursor": "???"}, headers=api.admin_headers)
    assert bad.status_code == 422
    assert bad.json()["type"].endswith("/invalid-cursor")
    too_big = await api.client.get("/v1/orgs", params={"limit": 1001}, headers=api.admin_headers)
    assert too_big.status_code == 422


async def test_idempotency_key_returns_the_first_answer_and_creates_once(api: Api) -> None:
    headers = {**api.admin_headers, "Idempotency-Key": "create-bank-7f3a"}
    body = {"name": "甘肃银行 idem", "role": "bank"}
    first = await api.client.post("/v1/orgs", json=body, headers=headers)
    again = await api.client.post("/v1/orgs", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again.headers.get("idempotent-replayed") == "true"
    reused = await api.client.post("/v1/orgs", json={**body, "role": "guarantor"}, headers=headers)
    assert reused.status_code == 422
    assert reused.json()["type"].endswith("/idempotency-key-reused")
    listed = (
        await api.client.get("/v1/orgs", params={"role": "bank", "limit": 1000}, headers=api.admin_headers)
    ).json()["items"]
    assert [org["name"] for org in listed].count("甘肃银行 idem") == 1


async def test_concurrent_requests_with_one_key_create_one_org(api: Api) -> None:
    headers = {**api.admin_headers, "Idempotency-Key": "race-2c1d"}
    body = {"name": "race org", "role": "guarantor"}
    answers = await asyncio.gather(
        *(api.client.post("/v1/orgs", json=body, headers=headers) for _ in range(8))
    )
    statuses = sorted(r.status_code for r in answers)
    assert set(statuses) <= {201, 409}
    created_ids = {r.json()["id"] for r in answers if r.status_code == 201}
    assert len(created_ids) == 1
    for refused in (r for r in answers if r.status_code == 409):
        assert refused.json()["type"].endswith("/idempotency-key-in-use")
