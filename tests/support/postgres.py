"""Find a PostgreSQL for the test run: FINMATCH_TEST_DATABASE_URL, else 127.0.0.1:5432 as
postgres, else an embedded server this run starts itself. Tests never skip for lack of one."""

from __future__ import annotations

import asyncio
import os
import tempfile
import uuid
from pathlib import Path

import asyncpg

from deploy.embedded_pg import EmbeddedPostgres, asyncpg_dsn

LOCAL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"


async def _answers(url: str) -> bool:
    try:
        conn = await asyncpg.connect(asyncpg_dsn(url), timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    await conn.close()
    return True


class PgTestServer:
    """A PostgreSQL server for this run; hands out fresh databases and drops them after."""

    def __init__(self) -> None:
        self.embedded: EmbeddedPostgres | None = None
        self.server_url = os.environ.get("FINMATCH_TEST_DATABASE_URL") or ""
        self.created: list[str] = []

    def start(self) -> None:
        if self.server_url:
            return
        if asyncio.run(_answers(LOCAL)):
            self.server_url = LOCAL
            return
        self.embedded = EmbeddedPostgres(
            Path(tempfile.mkdtemp(prefix="finmatch-test-pg-")) / "pgdata", delete_on_stop=True
        )
        self.embedded.start()
        self.server_url = self.embedded.url("postgres")

    def url_for(self, database: str) -> str:
        base, _, query = self.server_url.partition("?")
        root = base.rsplit("/", 1)[0]
        return f"{root}/{database}" + (f"?{query}" if query else "")

    async def create_database(self) -> str:
        name = f"finmatch_test_{uuid.uuid4().hex[:12]}"
        conn = await asyncpg.connect(asyncpg_dsn(self.server_url))
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()
        self.created.append(name)
        return self.url_for(name)

    async def drop_all(self) -> None:
        conn = await asyncpg.connect(asyncpg_dsn(self.server_url))
        try:
            for name in self.created:
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()
        self.created.clear()

    def stop(self) -> None:
        if self.created:
            asyncio.run(self.drop_all())
        if self.embedded is not None:
            self.embedded.stop()
