"""The agreement register as a list (CONTRACT §4: `GET /v1/guarantee/agreements`)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends

from kit.deps import Session
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, decode_cursor, invalid_cursor, page_of
from kit.principal import Principal, require_roles
from services.guarantee import answers, schemas
from services.guarantee.repository import Repository
from services.guarantee.service import agreements

agreements_router = APIRouter(prefix="/v1/guarantee", tags=["agreements"])
Viewer = Annotated[Principal, Depends(require_roles("admin", "guarantor", "bank"))]


def _after_id(cursor: str | None) -> str | None:
    """The agreement id a cursor resumes after; a cursor this list did not give is a 422."""
    position = decode_cursor(cursor)
    if position is None:
        return None
    after = position.get("id")
    try:
        return str(UUID(str(after)))
    except ValueError:
        raise invalid_cursor() from None


@agreements_router.get(
    "/agreements",
    operation_id="listAgreements",
    summary="List the cooperation agreements the caller may see",
    responses=problems(s422="validation-error, invalid-cursor"),
)
async def list_agreements(
    principal: Viewer, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[schemas.Agreement]:
    """Admin and the regulator every agreement; a bank and a local guarantor their own; a
    provincial its locals'; the national fund all. By id."""
    rows = await agreements.list_agreements(
        Repository(session), principal, after_id=_after_id(cursor), limit=limit
    )
    page, next_cursor = page_of([answers.agreement(r) for r in rows], limit, lambda a: {"id": str(a.id)})
    return Page[schemas.Agreement](items=page, next_cursor=next_cursor)
