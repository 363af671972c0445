"""The gateway's edges: request ids, limits, dead or slow services, health, contract."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from kit.credentials import generate_signing_key
from kit.principal import HEADER as PRINCIPAL_HEADER
from kit.principal import Principal, subject_of
from tests.support.api import Api
from tests.support.principals import as_org, as_service, token, vouched
from tests.support.stack import ADMIN_KEY, Stack, free_socket


async def test_request_id_is_echoed_or_generated(api: Api) -> None:
    given = await api.client.get("/v1/me", headers={**api.admin_headers, "X-Request-ID": "trace-abc-123"})
    assert given.headers["x-request-id"] == "trace-abc-123"
    made = await api.client.get("/v1/me", headers=api.admin_headers)
    assert len(made.headers["x-request-id"]) >= 16
    hostile = await api.client.get("/v1/me", headers={**api.admin_headers, "X-Request-ID": "x" * 500})
    assert hostile.headers["x-request-id"] != "x" * 500


async def test_request_id_is_passed_on_to_the_service(api: Api) -> None:
    # A proxied call that fails inside the service still carries the caller's id back.
    bank = await api.org("bank")
    response = await api.call(
        bank, "GET", "/v1/credit/no-such-operation", headers={"X-Request-ID": "pass-on-42"}
    )
    assert response.headers["x-request-id"] == "pass-on-42"
    assert response.json()["request_id"] == "pass-on-42"


async def test_body_over_the_limit_is_413(stack: Stack) -> None:
    url, stop = stack.spawn("gateway", max_body_bytes=1024)
    try:
        async with httpx.AsyncClient(base_url=url) as client:
            headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
            big = await client.post(
                "/v1/orgs",
                content=b"{" + b" " * 2000 + b"}",
                headers={**headers, "content-type": "application/json"},
            )
            assert big.status_code == 413
            assert big.json()["type"].endswith("/payload-too-large")

            async def chunks() -> AsyncIterator[bytes]:
                for _ in range(4):
                    yield b" " * 512

            streamed = await client.post("/v1/credit/ratings", content=chunks(), headers=headers)
            assert streamed.status_code == 413
    finally:
        stop()


async def test_rate_limit_per_key_answers_429_with_retry_after(stack: Stack) -> None:
    url, stop = stack.spawn("gateway", rate_limit_per_s=2.0)
    try:
        async with httpx.AsyncClient(base_url=url) as client:
            headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
            answers = [await client.get("/v1/me", headers=headers) for _ in range(5)]
            statuses = [r.status_code for r in answers]
            assert statuses[:2] == [200, 200]
            limited = [r for r in answers if r.status_code == 429]
            assert limited
            assert int(limited[0].headers["retry-after"]) >= 1
            assert limited[0].json()["type"].endswith("/rate-limited")
            # Another key has its own bucket.
            other = await client.post("/v1/orgs/x/keys", headers={"Authorization": "Bearer fmk_bad_bad"})
            assert other.status_code == 401
    finally:
        stop()


async def test_service_that_is_down_is_503(stack: Stack, api: Api) -> None:
    dead = free_socket()  # bound, never listening: connection refused
    url, stop = stack.spawn("gateway", credit_push_url=f"http://127.0.0.1:{dead.getsockname()[1]}")
    try:
        async with httpx.AsyncClient(base_url=url) as client:
            response = await client.get("/v1/credit/feed", headers=api.admin_headers)
            assert response.status_code == 503
            assert response.json()["type"].endswith("/service-unavailable")
            # The gateway can still serve everything else: its readiness does not cascade.
            ready = await client.get("/readyz")
            assert ready.status_code == 200
    finally:
        stop()
        dead.close()


async def _silent_server(reply: bytes | None) -> tuple[asyncio.Server, int]:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        if reply is None:
            await asyncio.sleep(30)  # slow: never answers in time
        else:
            writer.write(reply)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


@pytest.mark.parametrize(
    ("reply", "status", "slug"),
    [
        (None, 504, "upstream-timeout"),
        (b"not http at all\r\n\r\n", 502, "bad-gateway"),
        (b"", 502, "bad-gateway"),
    ],
)
async def test_slow_or_broken_service_becomes_a_gateway_problem(
    stack: Stack, api: Api, reply: bytes | None, status: int, slug: str
) -> None:
    server, port = await _silent_server(reply)
    url, stop = stack.spawn("gateway", guarantee_url=f"http://127.0.0.1:{port}", upstream_timeout_s=0.5)
    try:
        async with httpx.AsyncClient(base_url=url, timeout=10) as client:
            response = await client.get("/v1/guarantee/exposures", headers=api.admin_headers)
            assert response.status_code == status
            assert response.json()["type"].endswith("/" + slug)
    finally:
        stop()
        server.close()


async def test_forged_identity_at_a_service_port_is_401(stack: Stack) -> None:
    admin = Principal(role="admin", name="me", org_id="00000000-0000-4000-8000-000000000001")
    async with httpx.AsyncClient() as client:
        for name, path in (
            ("credit_push", "/v1/credit/feed"),
            ("guarantee", "/v1/guarantee/exposures"),
            ("loan_match", "/v1/match/products"),
            ("credit_push", "/internal/credit/ratings/x"),
        ):
            call: dict[str, Any] = {
                "audience": name,
                "method": "GET",
                "target": path,
                "subject": subject_of(admin),
            }
            forged = [
                {},
                {PRINCIPAL_HEADER: token("gateway", **call, signing_key=generate_signing_key())},
                {PRINCIPAL_HEADER: token("gateway", **call, issued_at=0)},  # long expired
                {PRINCIPAL_HEADER: "role=admin"},
                {"X-Org-Id": admin.org_id or "", "X-Role": "admin"},
            ]
            for headers in forged:
                response = await client.get(stack.url(name) + path, headers=headers)
                assert response.status_code == 401, (name, path, headers)
                assert response.json()["type"].endswith("/unauthorized")


async def test_internal_org_directory_is_for_services_only(stack: Stack, api: Api) -> None:
    bank = await api.org("bank")
    async with httpx.AsyncClient(base_url=stack.url("gateway")) as client:
        as_admin = await client.get(f"/internal/orgs/{bank.org_id}", headers=api.admin_headers)
        assert as_admin.status_code == 401
        signed_admin = as_org("admin", bank.org_id, "x")
        assert (await client.get(f"/internal/orgs/{bank.org_id}", auth=signed_admin)).status_code == 403
        service = as_service("credit_push")
        found = await client.get(f"/internal/orgs/{bank.org_id}", auth=service)
        assert found.status_code == 200
        assert found.json()["role"] == "bank"
        banks = await client.get("/internal/orgs", params={"role": "bank", "limit": 1000}, auth=service)
        assert bank.org_id in {org["id"] for org in banks.json()["items"]}
        missing = await client.get("/internal/orgs/00000000-0000-4000-8000-0000000fffff", auth=service)
        assert missing.status_code == 404


async def test_health_ready_metrics_docs(api: Api) -> None:
    assert (await api.client.get("/healthz")).json() == {"status": "ok"}
    ready = await api.client.get("/readyz")
    assert ready.status_code == 200
    # The gateway's readiness is its own (CONTRACT §1): never the services'.
    assert set(ready.json()["checks"]) == {"database", "credentials"}
    await api.client.get("/v1/me", headers=api.admin_headers)
    assert (await api.client.get("/metrics")).status_code == 404  # on the metrics port only
    spec = (await api.client.get("/openapi.json")).json()
    assert "/v1/orgs" in spec["paths"]
    assert not any(path.startswith("/internal") for path in spec["paths"])
    assert "swagger" in (await api.client.get("/docs")).text.lower()


async def test_unknown_path_is_a_404_problem(api: Api) -> None:
    response = await api.client.get("/v2/anything", headers=api.admin_headers)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    unknown_service = await api.client.get("/v1/loans/x", headers=api.admin_headers)
    assert unknown_service.status_code == 404


async def test_a_database_that_does_not_answer_is_a_503_problem(stack: Stack) -> None:
    dead = free_socket()  # bound, never listening
    dead_url = f"postgresql+asyncpg://postgres@127.0.0.1:{dead.getsockname()[1]}/nothing"
    gateway_url, stop_gateway = stack.spawn("gateway", database_url=dead_url, admin_key=None)
    service_url, stop_service = stack.spawn("loan_match", database_url=dead_url)
    try:
        async with httpx.AsyncClient(timeout=20) as client:
            key = "fmk_0123456789abcdef0123456789abcdef_secret"
            response = await client.get(gateway_url + "/v1/me", headers={"Authorization": f"Bearer {key}"})
            assert response.status_code == 503
            assert response.json()["type"].endswith("/database-unavailable")
            assert response.headers["retry-after"]
            partner = Principal(role="partner_app", name="app", org_id="00000000-0000-4000-8000-00000000a001")
            signed = vouched(partner)
            from_service = await client.get(
                service_url + "/v1/match/enterprises/91620100MA00000000", auth=signed
            )
            assert from_service.status_code in (422, 503)  # a bad USCC is refused before any lookup
            listed = await client.get(service_url + "/v1/match/products", auth=signed)
            assert listed.status_code == 503
            assert listed.json()["type"].endswith("/database-unavailable")
            assert (await client.get(service_url + "/readyz")).status_code == 503
    finally:
        stop_gateway()
        stop_service()
        dead.close()


async def test_each_service_is_ready_whatever_its_peers_do(stack: Stack) -> None:
    """Readiness is the process's own (CONTRACT §1): its database and its credentials."""
    async with httpx.AsyncClient() as client:
        for name in ("credit_push", "guarantee", "loan_match"):
            ready = await client.get(stack.url(name) + "/readyz")
            assert ready.status_code == 200
            assert set(ready.json()["checks"]) == {"database", "credentials"}
    dead = free_socket()
    url, stop = stack.spawn("credit_push", gateway_url=f"http://127.0.0.1:{dead.getsockname()[1]}")
    try:
        async with httpx.AsyncClient() as client:
            assert (await client.get(url + "/readyz")).status_code == 200
    finally:
        stop()
        dead.close()
