"""Two gateway replicas on one database share the per-key rate limit and the failed-key limit."""

from __future__ import annotations

import asyncio

from tests.support.api import Api
from tests.support.limits import assert_failed_key_limit_shared, assert_rate_limit_shared
from tests.support.stack import Stack


async def test_a_keys_rate_is_shared_by_two_gateways(stack: Stack, api: Api) -> None:
    bank = await api.org("bank")
    settings = {"rate_limit_per_s": 2.0, "rate_limit_burst_s": 30.0}
    a, stop_a = await asyncio.to_thread(stack.spawn, "gateway", **settings)
    b, stop_b = await asyncio.to_thread(stack.spawn, "gateway", **settings)
    try:
        await assert_rate_limit_shared(stack.database_url, (a, b), bank, 2.0, 30.0)
    finally:
        await asyncio.to_thread(stop_a)
        await asyncio.to_thread(stop_b)


async def test_failed_keys_lock_an_address_out_of_both_gateways(stack: Stack, api: Api) -> None:
    bank = await api.org("bank")
    a, stop_a = await asyncio.to_thread(stack.spawn, "gateway", failed_auth_limit=40)
    b, stop_b = await asyncio.to_thread(stack.spawn, "gateway", failed_auth_limit=40)
    try:
        await assert_failed_key_limit_shared(stack.database_url, (a, b), bank, 40)
    finally:
        await asyncio.to_thread(stop_a)
        await asyncio.to_thread(stop_b)
