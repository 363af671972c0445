"""The README's journeys run against `finmatch up` as real processes, on a database of their own."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from tests.support.platform import Up
from tests.support.postgres import PgTestServer
from tests.support.readme import ReadmeReceiver
from tests.support.stack import process_env
from tests.support.sync_api import Client

ADMIN_KEY = "journeys-admin-key-not-secret"


@pytest.fixture(scope="module")
def gateway(pg_server: PgTestServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env, ports = process_env(
        asyncio.run(pg_server.create_database()),
        admin_key=ADMIN_KEY,
        webhook_allow_private="1",
        poll_interval_s="0.2",
    )
    up = Up(env, tmp_path_factory.mktemp("journeys"))
    up.wait_until_up()
    yield f"http://127.0.0.1:{ports['gateway']}"
    up.stop()


@pytest.fixture(scope="module")
def admin(gateway: str) -> Client:
    """The platform operator, with the bootstrap admin key."""
    return Client(gateway, ADMIN_KEY)


@pytest.fixture(scope="module")
def receiver() -> Iterator[ReadmeReceiver]:
    running = ReadmeReceiver()
    yield running
    running.stop()
