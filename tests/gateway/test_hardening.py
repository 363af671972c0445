"""Edges a bank's integration engineer or an operator hits: HEAD, hostile headers, odd methods."""

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import httpx

from deploy.embedded_pg import asyncpg_dsn
from kit.principal import HEADER as PRINCIPAL_HEADER
from tests.support.api import Api
from tests.support.metrics import metrics_text
from tests.support.stack import ADMIN_KEY, Stack


async def test_head_is_answered_like_get_without_a_body(api: Api) -> None:
    bank = await api.org("bank")
    got = await api.call(bank, "GET", "/v1/match/products")
    head = await api.call(bank, "HEAD", "/v1/match/products")
    assert got.status_code == 200
    assert head.status_code == 200, head.text
    assert head.content == b""
    assert head.headers["etag"] == got.headers["etag"]
    assert head.headers["content-type"] == got.headers["content-type"]


async def test_a_principal_header_with_non_ascii_bytes_is_401_not_500(stack: Stack) -> None:
    async with httpx.AsyncClient() as client:
        for value in ("e30.\xe9\xe9", "\xe9.abc"):
            response = await client.get(
                stack.url("loan_match") + "/v1/match/products",
                headers=[(PRINCIPAL_HEADER.encode(), value.encode("latin-1"))],
            )
            assert response.status_code == 401, value
            assert response.json()["type"].endswith("/unauthorized")


async def test_a_streamed_body_over_the_limit_is_413_on_the_gateways_own_operations(stack: Stack) -> None:
    url, stop = stack.spawn("gateway", max_body_bytes=1024)
    try:
        async with httpx.AsyncClient(base_url=url) as client:

            async def chunks() -> AsyncIterator[bytes]:
                for _ in range(4):
                    yield b" " * 512

            headers = {"Authorization": f"Bearer {ADMIN_KEY}", "content-type": "application/json"}
            streamed = await client.post("/v1/orgs", content=chunks(), headers=headers)
            assert streamed.status_code == 413, streamed.text
            assert streamed.json()["type"].endswith("/payload-too-large")
    finally:
        stop()


async def test_made_up_methods_do_not_grow_the_metrics(api: Api, stack: Stack) -> None:
    for i in range(3):
        await api.client.request(f"BREW{i}", "/v1/me", headers=api.admin_headers)
    metrics = await asyncio.to_thread(metrics_text, stack, "gateway")
    assert 'method="BREW' not in metrics


async def test_replayed_answer_keeps_its_content_type_and_request_id(api: Api) -> None:
    body = {"name": "Replay Bank", "role": "bank"}
    headers = {**api.admin_headers, "Idempotency-Key": "hardening-replay-1"}
    first = await api.client.post("/v1/orgs", json=body, headers=headers)
    again = await api.client.post("/v1/orgs", json=body, headers={**headers, "X-Request-ID": "rp-2"})
    assert (again.status_code, again.json()) == (first.status_code, first.json())
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["x-request-id"] == "rp-2"
    other_path = await api.client.post("/v1/orgs/" + first.json()["id"] + "/keys", json=body, headers=headers)
    assert other_path.status_code == 422


async def test_an_idempotency_key_sent_again_with_another_query_is_reused_not_replayed(api: Api) -> None:
    body = {"name": "Query Bank", "role": "bank"}
    headers = {**api.admin_headers, "Idempotency-Key": "hardening-query-1"}
    first = await api.client.post("/v1/orgs", json=body, headers=headers)
    assert first.status_code == 201
    other = await api.client.post("/v1/orgs?on_behalf=x", json=body, headers=headers)
    assert other.status_code == 422
    assert other.json()["type"].endswith("/idempotency-key-reused")


async def test_a_deadlock_is_a_retryable_503_not_a_500(stack: Stack) -> None:
    import asyncio
    import json

    import sqlalchemy as sa
    from sqlalchemy.exc import DBAPIError
    from starlette.requests import Request

    from kit.db import make_engine, on_database_error

    engine = make_engine(stack.database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(sa.text("CREATE TABLE public.deadlock_probe (id int PRIMARY KEY)"))
            await conn.execute(sa.text("INSERT INTO public.deadlock_probe VALUES (1), (2)"))
        both_hold_one = asyncio.Barrier(2)
        row_lock = sa.text("SELECT 1 FROM public.deadlock_probe WHERE id = :id FOR UPDATE")

        async def lock(first: int, second: int) -> None:
            async with engine.begin() as conn:
                await conn.execute(row_lock, {"id": first})
                await both_hold_one.wait()
                await conn.execute(row_lock, {"id": second})

        outcomes = await asyncio.gather(lock(1, 2), lock(2, 1), return_exceptions=True)
        errors = [o for o in outcomes if isinstance(o, DBAPIError)]
        assert len(errors) == 1
        response = await on_database_error(Request({"type": "http", "headers": []}), errors[0])
        assert response.status_code == 503
        assert response.headers["retry-after"] == "1"
        assert json.loads(bytes(response.body))["type"].endswith("/database-conflict")
    finally:
        async with engine.begin() as conn:
            await conn.execute(sa.text("DROP TABLE IF EXISTS public.deadlock_probe"))
        await engine.dispose()


async def test_a_new_key_is_not_kept_in_plain_text_for_idempotent_replays(api: Api, stack: Stack) -> None:
    org = (
        await api.client.post(
            "/v1/orgs", json={"name": "Key Bank", "role": "bank"}, headers=api.admin_headers
        )
    ).json()
    headers = {**api.admin_headers, "Idempotency-Key": "hardening-key-1"}
    first = await api.client.post(f"/v1/orgs/{org['id']}/keys", headers=headers)
    assert first.status_code == 201
    secret = first.json()["key"].split("_", 2)[2]
    conn = await asyncpg.connect(asyncpg_dsn(stack.database_url))
    try:
        stored = await conn.fetch(
            "SELECT body FROM gateway.idempotency_keys WHERE key = $1", "hardening-key-1"
        )
    finally:
        await conn.close()
    assert stored
    assert all(secret.encode() not in row["body"] for row in stored)
    again = await api.client.post(f"/v1/orgs/{org['id']}/keys", headers=headers)
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert {k: v for k, v in again.json().items() if k != "key"} == {
        k: v for k, v in first.json().items() if k != "key"
    }
    assert secret not in again.text
    me = await api.client.get("/v1/me", headers={"Authorization": f"Bearer {first.json()['key']}"})
    assert me.status_code == 200
