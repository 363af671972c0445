"""Clients of the real platform: one finmatch-client per organisation a test acts as."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from finmatch_client import AsyncFinmatch

from tests.support.api import Actor
from tests.support.stack import Stack

ClientFor = Callable[[Actor], AsyncFinmatch]


@pytest.fixture
async def client_for(stack: Stack) -> AsyncIterator[ClientFor]:
    """``client_for(actor)``: an AsyncFinmatch on the gateway with that actor's API key."""
    made: list[AsyncFinmatch] = []

    def make(actor: Actor) -> AsyncFinmatch:
        made.append(AsyncFinmatch(stack.url("gateway"), actor.key, backoff_s=0.05))
        return made[-1]

    yield make
    for client in made:
        await client.aclose()
