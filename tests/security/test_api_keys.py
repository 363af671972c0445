"""API keys at the gateway: revocation and creation seen at once by every replica (LISTEN/NOTIFY),
failed keys limited per client address, lazy last_used_at, a client that hangs up mid-body."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import Awaitable, Callable
from urllib.parse import urlparse

import httpx
import pytest

from tests.support.api import Api
from tests.support.stack import ADMIN_KEY, Stack

ADMIN = {"Authorization": f"Bearer {ADMIN_KEY}"}


async def eventually(check: Callable[[], Awaitable[bool]], what: str, timeout_s: float = 2.0) -> None:
    """Poll until ``check`` holds; fail after ``timeout_s`` (a bound, not a timing assertion)."""
    deadline = time.monotonic() + timeout_s
    while not await check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def test_a_key_revoked_on_one_replica_is_refused_by_another(stack: Stack, api: Api) -> None:
    other_url, stop = await asyncio.to_thread(stack.spawn, "gateway")
    try:
        async with httpx.AsyncClient(base_url=other_url) as other:
            bank = await api.org("bank")
            assert (await other.get("/v1/me", headers=bank.headers)).status_code == 200  # now cached there
            keys = (await api.call(None, "GET", f"/v1/orgs/{bank.org_id}/keys", headers=ADMIN)).json()
            key_id = keys["items"][0]["id"]
            revoked = await api.call(None, "DELETE", f"/v1/orgs/{bank.org_id}/keys/{key_id}", headers=ADMIN)
            assert revoked.status_code == 204
            assert (await api.call(bank, "GET", "/v1/me")).status_code == 401

            async def refused() -> bool:
                return (await other.get("/v1/me", headers=bank.headers)).status_code == 401

            await eventually(refused, "the other replica to refuse the revoked key")
    finally:
        await asyncio.to_thread(stop)


async def test_a_key_created_on_one_replica_works_at_once_on_another(stack: Stack, api: Api) -> None:
    other_url, stop = await asyncio.to_thread(stack.spawn, "gateway")
    try:
        async with httpx.AsyncClient(base_url=other_url) as other:
            org = (
                await api.call(None, "POST", "/v1/orgs", json={"name": "b", "role": "bank"}, headers=ADMIN)
            ).json()
            created = (await api.call(None, "POST", f"/v1/orgs/{org['id']}/keys", headers=ADMIN)).json()
            headers = {"Authorization": f"Bearer {created['key']}"}

            async def accepted() -> bool:
                return (await other.get("/v1/me", headers=headers)).status_code == 200

            await eventually(accepted, "the other replica to accept the new key")
            # A key id tried before it existed (cached as unknown) works once it is created.
            fresh = (await api.call(None, "POST", f"/v1/orgs/{org['id']}/keys", headers=ADMIN)).json()
            assert (
                await other.get("/v1/me", headers={"Authorization": f"Bearer {fresh['key']}"})
            ).status_code == 200
    finally:
        await asyncio.to_thread(stop)


async def test_last_used_at_is_written_lazily(api: Api) -> None:
    bank = await api.org("bank")
    assert (await api.call(bank, "GET", "/v1/me")).status_code == 200

    async def recorded() -> bool:
        listed = await api.call(None, "GET", f"/v1/orgs/{bank.org_id}/keys", headers=ADMIN)
        return listed.json()["items"][0]["last_used_at"] is not None

    await eventually(recorded, "last_used_at", timeout_s=10.0)


async def test_many_failed_keys_from_one_address_are_429_but_a_valid_key_passes(
    stack: Stack, api: Api
) -> None:
    url, stop = await asyncio.to_thread(stack.spawn, "gateway", failed_auth_limit=100)
    bank = await api.org("bank")
    try:
        async with httpx.AsyncClient(base_url=url) as client:
            bad = {"Authorization": "Bearer fmk_0123456789abcdef0123456789abcdef_wrong"}
            statuses = [(await client.get("/v1/me", headers=bad)).status_code for _ in range(100)]
            assert statuses == [401] * 100
            limited = await client.get("/v1/me", headers=bad)
            assert limited.status_code == 429
            assert limited.json()["type"].endswith("/too-many-failed-attempts")
            assert int(limited.headers["retry-after"]) >= 1
            assert (await client.get("/v1/me")).status_code == 429  # no key at all counts too
            assert (await client.get("/v1/me", headers=bank.headers)).status_code == 200
            assert (await client.get("/v1/me", headers=ADMIN)).status_code == 200
    finally:
        await asyncio.to_thread(stop)


async def test_a_client_hanging_up_mid_body_is_no_internal_error(
    stack: Stack, api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    bank = await api.org("bank")
    address = urlparse(stack.url("gateway"))
    caplog.set_level(logging.INFO)

    def half_a_body() -> None:
        with socket.create_connection((address.hostname or "127.0.0.1", address.port or 80)) as sock:
            head = (
                "POST /v1/match/products HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"Authorization: Bearer {bank.key}\r\nContent-Length: 1000\r\n\r\n"
            )
            sock.sendall(head.encode() + b'{"name": "half')

    await asyncio.to_thread(half_a_body)

    async def seen() -> bool:
        return any("disconnected" in r.getMessage() for r in caplog.records)

    await eventually(seen, "the gateway to notice the hang-up", timeout_s=10.0)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    assert (await api.call(bank, "GET", "/v1/me")).status_code == 200
