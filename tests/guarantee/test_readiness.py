"""guarantee is ready when its database answers and it holds its credentials, whatever the gateway does."""

from __future__ import annotations

import asyncio

import httpx

from kit.principal import Principal
from tests.support.api import Api
from tests.support.guarantee import G, admin, national_fund, slug
from tests.support.principals import vouched
from tests.support.stack import Stack, free_socket


async def test_ready_even_without_the_gateway(stack: Stack) -> None:
    async with httpx.AsyncClient() as client:
        ready = await client.get(stack.url("guarantee") + "/readyz")
        assert ready.status_code == 200
        assert ready.json()["checks"] == {"database": "ok", "credentials": "ok"}
        dead = free_socket()  # bound, never listening
        url, stop = await asyncio.to_thread(
            stack.spawn, "guarantee", gateway_url=f"http://127.0.0.1:{dead.getsockname()[1]}"
        )
        try:
            # Readiness does not cascade (CONTRACT §1): no gateway, still ready to serve.
            still_ready = await client.get(url + "/readyz")
            assert still_ready.status_code == 200
        finally:
            await asyncio.to_thread(stop)
            dead.close()


async def test_registering_an_institution_while_the_gateway_cannot_be_asked(api: Api, stack: Stack) -> None:
    """Org checks need the gateway: without it, a 503 and nothing stored."""
    fund = await national_fund(api)
    dead = free_socket()
    url, stop = await asyncio.to_thread(
        stack.spawn, "guarantee", gateway_url=f"http://127.0.0.1:{dead.getsockname()[1]}"
    )
    try:
        org = await api.org("guarantor")
        body = {
            "org_id": org.org_id,
            "name": "p",
            "tier": "provincial",
            "parent_id": fund.id,
            "net_assets_fen": 1,
        }
        admin_principal = Principal(role="admin", name="admin")
        async with httpx.AsyncClient() as client:
            response = await client.post(url + f"{G}/institutions", json=body, auth=vouched(admin_principal))
        assert (response.status_code, slug(response)) == (503, "dependency-unavailable")
    finally:
        await asyncio.to_thread(stop)
        dead.close()
    # Nothing was stored: the same org registers fine now.
    assert (await admin(api, "POST", f"{G}/institutions", json=body)).status_code == 201
