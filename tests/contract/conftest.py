"""The contract tests share one world of real objects (made once, through the gateway)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.api import Api
from tests.support.stack import Stack
from tests.support.world import World, build_world, quiet_the_bank


# Package scope: the world's subscriptions are deleted as soon as the contract tests are done,
# so they receive nothing from later tests (whose figures they would otherwise change).
@pytest.fixture(scope="package")
async def world(stack: Stack) -> AsyncIterator[World]:
    api = Api(stack.url("gateway"))
    try:
        made = await build_world(api)
        yield made
        await quiet_the_bank(api, made.actors["bank"])
    finally:
        await api.aclose()
