"""Fixtures: one fresh PostgreSQL database per test run, migrated, with the real stack on it.

Tests share the stack; each creates its own orgs and enterprises, so they never depend
on one another. Figures that are global (statistics) are compared before and after.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest

from kit.migrations import upgrade
from tests.support.api import Api
from tests.support.logleaks import pytest_configure, pytest_sessionfinish
from tests.support.postgres import PgTestServer
from tests.support.stack import Stack

# Hooks: fail the run when a known secret appears in any log line (tests/support/logleaks.py).
__all__ = ["pytest_configure", "pytest_sessionfinish"]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgTestServer]:
    server = PgTestServer()
    server.start()
    yield server
    server.stop()


def _fresh_database(pg_server: PgTestServer) -> str:
    """A new database on the test server, migrated."""

    async def fresh() -> str:
        url = await pg_server.create_database()
        await upgrade(url)
        return url

    return asyncio.run(fresh())


@pytest.fixture(scope="session")
def database_url(pg_server: PgTestServer) -> str:
    return _fresh_database(pg_server)


@pytest.fixture(scope="session")
def stack(database_url: str) -> Iterator[Stack]:
    running = Stack(database_url)
    yield running
    running.close()


@pytest.fixture(scope="module")
def own_stack(pg_server: PgTestServer) -> Iterator[Stack]:
    """A stack on a database of its own, for a module whose figures others' data would change:
    a module overrides ``stack`` with it (``def stack(own_stack)``) and ``api`` follows."""
    running = Stack(_fresh_database(pg_server))
    yield running
    running.close()


@pytest.fixture
async def api(stack: Stack) -> AsyncIterator[Api]:
    client = Api(stack.url("gateway"))
    yield client
    await client.aclose()
