"""Fixtures of the fault tests: a PostgreSQL of their own, and the scale of the long runs.

``FINMATCH_FAULTS_SCALE`` (default 1) stretches the tests marked ``faults`` (`make test-faults`
sets 10): how long traffic runs, how many faults are injected, how long a soak lasts.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator

import pytest

from kit.migrations import upgrade
from tests.faults.cluster import OwnPostgres, own_postgres

SCALE = max(float(os.environ.get("FINMATCH_FAULTS_SCALE") or "1"), 1.0)


@pytest.fixture
def cluster() -> Iterator[OwnPostgres]:
    """A started PostgreSQL cluster that only this test uses (and may restart)."""
    running = own_postgres()
    yield running
    running.destroy()


@pytest.fixture
def cluster_db(cluster: OwnPostgres) -> str:
    """A migrated database on the test's own cluster."""

    async def fresh() -> str:
        url = await cluster.create_database()
        await upgrade(url)
        return url

    return asyncio.run(fresh())
