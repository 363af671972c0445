"""The platform's org directory as a service sees it: who an org id is, and which role it has.

The gateway owns identity (orgs, keys, the list of roles) and answers ``/internal/orgs``; this is
the typed way to ask it. Role values are plain strings here: which roles exist, and which one a
field must name, is for the gateway and the calling service to say.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from pydantic import BaseModel

from kit.errors import RuleViolation
from kit.http import DependencyUnavailable

DIRECTORY = "gateway"


class JsonSource(Protocol):
    """What the lookups need of ``kit.internal.InternalClient``."""

    async def get_json(self, target: str, path: str, params: dict[str, Any] | None = None) -> Any | None: ...


class OrgInfo(BaseModel):
    id: str
    name: str
    role: str
    created_at: datetime


async def get_org(internal: JsonSource, org_id: str) -> OrgInfo | None:
    data = await internal.get_json(DIRECTORY, f"/internal/orgs/{org_id}")
    return OrgInfo.model_validate(data) if data is not None else None


async def list_orgs(internal: JsonSource, role: str | None = None) -> list[OrgInfo]:
    """Every org (with ``role``), oldest first, read page by page."""
    orgs: list[OrgInfo] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000}
        if role:
            params["role"] = role
        if cursor:
            params["cursor"] = cursor
        page = await internal.get_json(DIRECTORY, "/internal/orgs", params)
        assert page is not None
        orgs.extend(OrgInfo.model_validate(item) for item in page["items"])
        cursor = page.get("next_cursor")
        if not cursor:
            return orgs


async def require_org(internal: JsonSource, org_id: str, role: str, field: str) -> OrgInfo:
    """The org, checked to exist with ``role``; else a rule violation naming ``field`` (CONTRACT §2).

    A directory that does not answer is :class:`kit.errors.Unavailable`.
    """
    try:
        org = await get_org(internal, org_id)
    except DependencyUnavailable as exc:
        raise exc.as_error() from exc
    if org is None or org.role != role:
        raise RuleViolation(
            f"{field} {org_id} is not a {role} org on this platform.",
            slug=f"invalid-{field.replace('_', '-')}",
            field=field,
            field_msg=f"must be the id of a {role} org",
        )
    return org
