"""Request dependencies of the credit_push service."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import get_session
from kit.idempotency import Idempotency
from kit.principal import get_principal
from services.credit_push.tables import idempotency_keys

Session = Annotated[AsyncSession, Depends(get_session)]


def _caller(request: Request) -> str:
    return get_principal(request).identity


# Put on every creating POST: Idempotency-Key replays the first answer (CONTRACT §1).
idempotent = Depends(Idempotency(idempotency_keys, _caller))
