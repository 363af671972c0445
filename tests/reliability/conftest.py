"""Fixtures of the reliability tests: two tenants of every role."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.reliability.tenants import Tenants, build_tenants
from tests.support.api import Api
from tests.support.stack import Stack
from tests.support.world import quiet_the_bank


@pytest.fixture(scope="package")
async def tenants(stack: Stack) -> AsyncIterator[Tenants]:
    api = Api(stack.url("gateway"))
    try:
        made = await build_tenants(api)
        yield made
        for tenant in (made.a, made.b):
            await quiet_the_bank(api, tenant.actor("bank"))
    finally:
        await api.aclose()
