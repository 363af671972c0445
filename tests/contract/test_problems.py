"""Every error answer of the public API is an RFC 9457 problem (CONTRACT §1).

Systematically, over every operation of the gateway's ``/openapi.json``: no key (401), a role
that may not call it (403), ids that do not exist or are malformed (404/422), unreadable
bodies (400/422); and the answers the gateway gives itself: unknown paths (404), wrong
methods (405), bodies over the limit (413), rate limit (429), a service down (503).
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.support.access import ALL_ROLES, ROLES, operations
from tests.support.api import Api
from tests.support.problems import assert_problem
from tests.support.stack import Stack, free_socket
from tests.support.world import World

SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "gateway.json").read_text("utf-8"))
AUTHENTICATED = sorted(op for op in operations(SPEC) if ROLES[op])
WITH_IDS = [op for op in AUTHENTICATED if "{" in op[1]]
WITH_BODY = [op for op in AUTHENTICATED if "requestBody" in SPEC["paths"][op[1]][op[0].lower()]]


def _fill(path: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", value, path)


def problem(response: httpx.Response, *statuses: int) -> dict[str, Any]:
    assert response.status_code in statuses, (response.request.url, response.status_code, response.text)
    return assert_problem(response.status_code, response.headers, response.content)


async def test_no_key_is_a_401_problem_everywhere(api: Api) -> None:
    for method, path in AUTHENTICATED:
        for headers in ({}, {"Authorization": "Bearer fmk_nope"}, {"Authorization": "Basic eDp5"}):
            response = await api.client.request(method, _fill(path, str(uuid.uuid4())), headers=headers)
            body = problem(response, 401)
            assert body["type"].endswith("/unauthorized"), (method, path, body)


async def test_a_role_that_may_not_call_gets_a_403_problem_everywhere(api: Api, world: World) -> None:
    checked = 0
    for method, path in AUTHENTICATED:
        refused = [role for role in ALL_ROLES if role not in ROLES[(method, path)]]
        for role in refused:
            response = await api.client.request(
                method, _fill(path, str(uuid.uuid4())), headers=world.headers(role), json={}
            )
            body = problem(response, 403)
            assert body["type"].endswith("/forbidden"), (method, path, role, body)
            checked += 1
    assert checked > 50


@pytest.mark.parametrize("value", ["nope", "%19", "%C3%A9%00", str(uuid.uuid4()), "a%2Fb", "9" * 400])
async def test_ids_that_are_not_there_are_problems(api: Api, world: World, value: str) -> None:
    """Never a 500: the gateway once re-encoded the decoded path, and ``%19`` broke the URL."""
    for method, path in WITH_IDS:
        role = ROLES[(method, path)][0]
        response = await api.client.request(method, _fill(path, value), headers=world.headers(role), json={})
        problem(response, 404, 422)


@pytest.mark.parametrize("content", [b"{", b"\xff\xfe\x00", b"[]", b"null", b"{}"])
async def test_unreadable_or_wrong_bodies_are_problems(api: Api, world: World, content: bytes) -> None:
    for method, path in WITH_BODY:
        role = ROLES[(method, path)][0]
        response = await api.client.request(
            method,
            _fill(path, str(uuid.uuid4())),
            content=content,
            headers={**world.headers(role), "Content-Type": "application/json"},
        )
        if content == b"{}" and response.status_code < 400:
            continue  # an all-optional body (a PATCH) may be fine
        problem(response, 400, 404, 422)


async def test_the_gateways_own_answers_are_problems(api: Api, world: World) -> None:
    bank = world.headers("bank")
    assert problem(await api.client.get("/v1/nowhere/at-all", headers=bank), 404)
    assert problem(await api.client.get("/v1/credit/no-such-operation", headers=bank), 404)
    assert problem(await api.client.get("/v2/orgs", headers=bank), 404)
    assert problem(await api.client.put("/v1/me", headers=bank), 405)
    assert problem(await api.client.delete("/v1/match/products", headers=bank), 405)
    too_big = b"x" * (10 * 1024 * 1024 + 1)
    assert problem(await api.client.post("/v1/match/products", content=too_big, headers=bank), 413)
    reused = {**world.headers("partner_app"), "Idempotency-Key": f"k-{uuid.uuid4()}"}
    first = {"uscc": world.uscc, "amount_fen": 100_000_000, "term_months": 12, "purpose": "流动资金"}
    assert (await api.client.post("/v1/match/demands", json=first, headers=reused)).status_code == 201
    second = {**first, "purpose": "设备更新"}
    body = problem(await api.client.post("/v1/match/demands", json=second, headers=reused), 422)
    assert body["type"].endswith("/idempotency-key-reused")


async def _raw_get(url: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    """A request line sent verbatim (httpx would normalise ``..`` away before sending)."""
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    lines = [f"GET {target} HTTP/1.1", f"Host: {parts.netloc}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    await writer.drain()
    raw = await reader.read()
    writer.close()
    head, _, content = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    answer_headers = dict(line.split(": ", 1) for line in header_lines)
    return int(status_line.split()[1]), answer_headers, content


@pytest.mark.parametrize(
    "target",
    [
        "/v1/credit/../../internal/credit/ratings/{uscc}",
        "/v1/credit/ratings/../../../internal/credit/ratings/{uscc}",
        "/v1/credit/./ratings/{uscc}",
    ],
)
async def test_dot_segments_do_not_leave_the_public_prefix(stack: Stack, world: World, target: str) -> None:
    status, headers, content = await _raw_get(
        stack.url("gateway"), target.format(uscc=world.uscc), world.headers("tax_authority")
    )
    assert status == 404, (status, content)
    assert_problem(status, headers, content)


async def test_rate_limit_and_a_service_down_are_problems(stack: Stack, world: World) -> None:
    dead = free_socket()
    dead_port = dead.getsockname()[1]
    dead.close()
    url, stop = stack.spawn("gateway", rate_limit_per_s=0.01, credit_push_port=dead_port)
    try:
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            bank = world.headers("bank")
            down = await client.get("/v1/credit/feed", headers=bank)
            assert problem(down, 503)["type"].endswith("/service-unavailable")
            limited = await client.get("/v1/credit/feed", headers=bank)
            assert problem(limited, 429)["type"].endswith("/rate-limited")
            assert limited.headers["Retry-After"].isdigit()
            # A service down does not make the gateway unready (CONTRACT §1) ...
            assert (await client.get("/readyz")).status_code == 200
    finally:
        stop()
    # ... its own database does: a not-ready problem.
    no_db = f"postgresql+asyncpg://postgres@127.0.0.1:{dead_port}/finmatch"
    url, stop = stack.spawn("guarantee", database_url=no_db)
    try:
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            not_ready = await client.get("/readyz")
            assert problem(not_ready, 503)["type"].endswith("/not-ready")
    finally:
        stop()


async def test_problems_and_validation_messages_are_chinese_when_asked(api: Api) -> None:
    zh = {"Accept-Language": "zh-CN,zh;q=0.9"}
    unknown = await api.client.get("/v1/me", headers={"Authorization": "Bearer nope", **zh})
    assert (unknown.status_code, unknown.json()["title"]) == (401, "未认证")
    assert unknown.json()["type"].endswith("/unauthorized")
    english = await api.client.get("/v1/me", headers={"Authorization": "Bearer nope"})
    assert english.json()["title"] == "Unauthorized"
    bank = await api.org("bank")
    bad = await api.client.post("/v1/credit/subscriptions", json={"url": 5}, headers={**bank.headers, **zh})
    body = bad.json()
    assert bad.status_code == 422 and body["type"].endswith("/validation-error")
    assert body["title"] == "请求参数无效"
    assert body["errors"][0]["msg"] == "应为字符串"
    assert "应为字符串" in body["detail"]
    missing = await api.client.get(
        "/v1/credit/subscriptions/00000000-0000-0000-0000-000000000000", headers={**bank.headers, **zh}
    )
    assert missing.status_code == 404
    assert missing.json()["detail"] == "对象不存在，或您无权查看。"
