"""loan_match's request dependencies: kit's role check and session, awaited in the event loop.

FastAPI runs a plain ``def`` dependency in a worker thread (``run_in_threadpool``); kit's
``require_roles`` check, ``get_principal`` and ``get_session`` are plain functions that only
read ``request.state``, so each request paid three thread round trips for nothing (py-spy on
the match query, bench/README.md "Profiles"). These wrappers call the same functions from an
``async def``, so the answer and every refusal are kit's own.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import get_session
from kit.principal import Principal, get_principal, require_roles


def roles(*allowed: str) -> Any:
    """``Depends`` on the caller being one of ``allowed`` (kit.principal.require_roles)."""
    check = require_roles(*allowed)

    async def caller(request: Request) -> Principal:
        return check(request, get_principal(request))

    return Depends(caller)


async def _session(request: Request) -> AsyncSession:
    return get_session(request)


Session = Annotated[AsyncSession, Depends(_session)]
