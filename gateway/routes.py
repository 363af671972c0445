"""The gateway's own operations: identity (CONTRACT §2) and the internal org directory."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy.ext.asyncio import AsyncSession

from gateway import repository
from gateway.auth import Admin, Caller, caller, parse_uuid
from gateway.keys import new_key
from gateway.roles import Role
from gateway.tables import ApiKey, Org, idempotency_keys
from kit.db import get_session
from kit.idempotency import Idempotency
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, decode_cursor, invalid_cursor, page_of
from kit.principal import Principal, require_service
from kit.problems import Problem
from kit.settings import SERVICE_NAMES

Session = Annotated[AsyncSession, Depends(get_session)]


async def _caller_identity(request: Request) -> str:
    return (await caller(request)).identity


idempotent = Depends(Idempotency(idempotency_keys, _caller_identity))
# A key's secret is never written anywhere but as its hash, not even into the stored answer.
idempotent_key_creation = Depends(Idempotency(idempotency_keys, _caller_identity, secret_fields=("key",)))

router = APIRouter()
# Every service asks the gateway who an org is (CONTRACT §2); nothing else may.
OrgLookup = Annotated[Principal, Depends(require_service(*SERVICE_NAMES))]
internal_router = APIRouter(prefix="/internal", tags=["internal"], include_in_schema=False)


class OrgIn(BaseModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    role: Role

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "兰州银行", "role": "bank"}]})


class OrgOut(BaseModel):
    id: uuid.UUID
    name: str
    role: Role
    created_at: datetime

    @classmethod
    def of(cls, org: Org) -> OrgOut:
        return cls(id=org.id, name=org.name, role=org.role, created_at=org.created_at)


class KeyOut(BaseModel):
    id: uuid.UUID
    key: str = Field(description="Shown once; only its hash is stored.")
    created_at: datetime


class KeyInfoOut(BaseModel):
    """A key as listed: never the key itself (only its hash is stored)."""

    id: uuid.UUID
    created_at: datetime
    last_used_at: datetime | None = Field(
        description="Updated lazily, at most about once a minute; null when never used."
    )

    @classmethod
    def of(cls, key: ApiKey) -> KeyInfoOut:
        return cls(id=key.id, created_at=key.created_at, last_used_at=key.last_used_at)


class MeOut(BaseModel):
    org_id: uuid.UUID
    name: str
    role: Role


async def _list(session: AsyncSession, role: str | None, limit: int, cursor: str | None) -> Page[OrgOut]:
    rows = await repository.list_orgs(session, role=role, after=_after(cursor), limit=limit)
    page, next_cursor = page_of(rows, limit, lambda org: {"t": org.created_at.isoformat(), "id": str(org.id)})
    return Page[OrgOut](items=[OrgOut.of(org) for org in page], next_cursor=next_cursor)


def _after(cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    position = decode_cursor(cursor)
    if position is None:
        return None
    try:
        return datetime.fromisoformat(position["t"]), uuid.UUID(position["id"])
    except (KeyError, ValueError, TypeError) as exc:
        raise invalid_cursor() from exc


async def _org(session: AsyncSession, org_id: str) -> Org:
    org = await repository.get_org(session, parse_uuid(org_id, "org"))
    if org is None:
        raise Problem(404, "not-found", "No such org.")
    return org


@router.post(
    "/v1/orgs",
    status_code=201,
    response_model=OrgOut,
    dependencies=[idempotent],
    operation_id="createOrg",
    summary="Register an organisation",
    tags=["orgs"],
)
async def create_org(body: OrgIn, _: Admin, session: Session) -> OrgOut:
    """Register an organisation and its role (bank, guarantor, partner_app, tax_authority, fund_manager,
    regulator); its API keys are issued separately (CONTRACT §2)."""
    return OrgOut.of(await repository.create_org(session, body.name, body.role))


@router.get(
    "/v1/orgs",
    response_model=Page[OrgOut],
    operation_id="listOrgs",
    summary="List organisations",
    tags=["orgs"],
)
async def list_orgs(
    _: Admin, session: Session, role: Role | None = None, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[OrgOut]:
    """Every organisation, optionally only those of one `role`, paged by cursor."""
    return await _list(session, role, limit, cursor)


@router.post(
    "/v1/orgs/{org_id}/keys",
    status_code=201,
    response_model=KeyOut,
    dependencies=[idempotent_key_creation],
    operation_id="createKey",
    summary="Issue an API key for an organisation",
    tags=["keys"],
)
async def create_key(org_id: str, _: Admin, session: Session) -> KeyOut:
    """Issue a new API key for the organisation: the key is shown once, in this answer, and stored only as
    a hash (CONTRACT §2)."""
    org = await _org(session, org_id)
    key = new_key()
    row = await repository.add_key(session, org.id, key)
    return KeyOut(id=row.id, key=key.key, created_at=row.created_at)


@router.get(
    "/v1/orgs/{org_id}/keys",
    response_model=Page[KeyInfoOut],
    operation_id="listKeys",
    summary="List an organisation's API keys",
    tags=["keys"],
)
async def list_keys(
    org_id: str, _: Admin, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[KeyInfoOut]:
    """The organisation's API keys with their created and last-used times; never the key itself."""
    org = await _org(session, org_id)
    rows = await repository.list_keys(session, org.id, after=_after(cursor), limit=limit)
    page, next_cursor = page_of(rows, limit, lambda key: {"t": key.created_at.isoformat(), "id": str(key.id)})
    return Page[KeyInfoOut](items=[KeyInfoOut.of(key) for key in page], next_cursor=next_cursor)


@router.delete(
    "/v1/orgs/{org_id}/keys/{key_id}",
    status_code=204,
    response_class=Response,
    operation_id="revokeKey",
    summary="Revoke an API key",
    tags=["keys"],
)
async def revoke_key(org_id: str, key_id: str, _: Admin, session: Session) -> Response:
    """Revoke one of the organisation's active keys: it stops working at once (CONTRACT §2)."""
    revoked = await repository.revoke_key(session, parse_uuid(org_id, "org"), parse_uuid(key_id, "key"))
    if not revoked:
        raise Problem(404, "not-found", "No such active key for this org.")
    return Response(status_code=204)


@router.get(
    "/v1/me",
    response_model=MeOut,
    operation_id="getMe",
    summary="Who the API key belongs to",
    tags=["identity"],
)
async def me(principal: Caller) -> MeOut:
    """The organisation, name and role the calling API key belongs to: a first call to check a key."""
    assert principal.org_id is not None
    return MeOut(org_id=uuid.UUID(principal.org_id), name=principal.name, role=principal.role)


@internal_router.get("/orgs/{org_id}", response_model=OrgOut)
async def internal_get_org(org_id: str, _: OrgLookup, session: Session) -> OrgOut:
    return OrgOut.of(await _org(session, org_id))


@internal_router.get("/orgs", response_model=Page[OrgOut])
async def internal_list_orgs(
    _: OrgLookup,
    session: Session,
    role: Role | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[OrgOut]:
    return await _list(session, role, limit, cursor)
