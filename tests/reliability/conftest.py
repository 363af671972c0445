"""Fixtures of the reliability tests: two tenants of every role, and the fault-run scale."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest

from tests.reliability.tenants import Tenants, build_tenants
from tests.support.api import Api
from tests.support.stack import Stack
from tests.support.world import quiet_the_bank

# `make test` runs these at 1 (seconds); `make test-faults` sets 10 and runs the `faults` ones.
SCALE = max(1, int(os.environ.get("FINMATCH_FAULTS_SCALE", "1")))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "faults: fault and load tests; `make test-faults` runs them scaled up")


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
