"""Alembic, one history per process, each in its own PostgreSQL schema.

Migrations ship inside each process's package (``gateway/migrations``,
``services/<name>/migrations``), so ``finmatch migrate`` works from any directory. They are found
by that layout, next to kit's own directory: kit imports no service. Every table comes from a
migration, never ``create_all``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from kit.settings import PROCESS_NAMES

# The directory that holds kit/, gateway/ and services/ (the checkout, or site-packages).
_ROOT = Path(__file__).resolve().parents[1]


def schema_of(process: str) -> str:
    return process


def migrations_of(process: str) -> Path:
    package = _ROOT / ("gateway" if process == "gateway" else f"services/{process}")
    return package / "migrations"


def alembic_config(process: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_of(process)))
    cfg.attributes["schema"] = schema_of(process)
    return cfg


def run_in_context(context: Any) -> None:
    """Body of every ``env.py``: run online on the connection handed in by :func:`upgrade`."""
    connection = context.config.attributes["connection"]
    schema = context.config.attributes["schema"]
    context.configure(connection=connection, version_table_schema=schema, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()


async def upgrade(url: str, processes: tuple[str, ...] = PROCESS_NAMES) -> None:
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        for process in processes:
            cfg = alembic_config(process)
            async with engine.begin() as conn:
                # Two processes migrating at once take turns.
                await conn.execute(
                    sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext("finmatch-migrate")))
                )
                await conn.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{schema_of(process)}"'))

                def run(sync_conn: sa.Connection, cfg: Config = cfg) -> None:
                    cfg.attributes["connection"] = sync_conn
                    command.upgrade(cfg, "head")

                await conn.run_sync(run)
    finally:
        await engine.dispose()
