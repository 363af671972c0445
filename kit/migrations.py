"""Alembic, one history per process, each in its own PostgreSQL schema.

Migrations ship inside the package (``<process>/migrations``), so ``finmatch migrate``
works from any directory. Every table comes from a migration, never ``create_all``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from kit.settings import PROCESS_NAMES

_PACKAGE = {
    "gateway": "gateway",
    "credit_push": "services.credit_push",
    "guarantee": "services.guarantee",
    "loan_match": "services.loan_match",
}


def schema_of(process: str) -> str:
    return process


def alembic_config(process: str) -> Config:
    module = importlib.import_module(_PACKAGE[process])
    assert module.__file__ is not None
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(module.__file__).parent / "migrations"))
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
