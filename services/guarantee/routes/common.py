"""What every route module of guarantee shares: the callers' roles, the app's context, the
repository of the request's session and the idempotency of creating POSTs (CONTRACT §1)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from kit.app import AppContext
from kit.deps import Session, idempotent
from kit.principal import Principal, require_roles
from services.guarantee.repository import Repository
from services.guarantee.tables import idempotency_keys

PREFIX = "/v1/guarantee"

Admin = Annotated[Principal, Depends(require_roles("admin"))]
# Who may register and settle exposures (routes/fastpath.py admits the same role).
GUARANTORS = ("guarantor",)
Guarantor = Annotated[Principal, Depends(require_roles(*GUARANTORS))]
AdminOrGuarantor = Annotated[Principal, Depends(require_roles("admin", "guarantor"))]
Viewer = Annotated[Principal, Depends(require_roles("admin", "guarantor", "bank"))]
Manager = Annotated[Principal, Depends(require_roles("fund_manager"))]
Bank = Annotated[Principal, Depends(require_roles("bank"))]
FundReader = Annotated[Principal, Depends(require_roles("fund_manager", "admin", "regulator"))]
PoolReader = Annotated[Principal, Depends(require_roles("fund_manager", "admin", "regulator", "bank"))]

# Put on every creating POST: Idempotency-Key replays the first answer (CONTRACT §1).
idempotency = idempotent(idempotency_keys)
# What every creating POST declares: ``@router.post(path, **CREATES, ...)``.
CREATES: dict[str, Any] = {"status_code": 201, "dependencies": [idempotency]}


async def _ctx(request: Request) -> AppContext:
    # async: FastAPI runs a plain ``def`` dependency in its thread pool (a hand-off per request).
    ctx: AppContext = request.app.state.ctx
    return ctx


async def _repository(session: Session) -> Repository:
    return Repository(session)


Ctx = Annotated[AppContext, Depends(_ctx)]
Repo = Annotated[Repository, Depends(_repository)]
