"""Request dependencies every service uses: its session and its idempotency guard."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Header, Request
from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import get_session
from kit.idempotency import Idempotency
from kit.principal import principal_of_request

Session = Annotated[AsyncSession, Depends(get_session)]
# On every PATCH (CONTRACT §1 "Concurrency", kit/etags.py): the ETag the caller read.
IfMatch = Annotated[
    str | None, Header(alias="If-Match", description="The ETag you read: a stale one is a 412.")
]


def _caller(request: Request) -> str:
    return principal_of_request(request).identity


def idempotent(table: Table) -> Any:
    """Put on every creating POST: Idempotency-Key replays the first answer (CONTRACT §1)."""
    return Depends(Idempotency(table, _caller))
