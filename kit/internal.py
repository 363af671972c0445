"""The one typed client for service-to-service calls (``/internal/...``).

It signs a ``service`` principal, passes the caller's ``X-Request-ID`` on, uses short
explicit timeouts, and turns "the other side did not answer" into
:class:`DependencyUnavailable` so callers can degrade or answer 503.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
from pydantic import BaseModel

from kit import principal as principal_mod
from kit.http import TRANSPORT_ERRORS, failure_kind, make_client
from kit.problems import Problem
from kit.requestid import HEADER as REQUEST_ID_HEADER
from kit.requestid import current_request_id
from kit.settings import Settings


class DependencyUnavailable(Exception):
    def __init__(self, target: str, reason: str) -> None:
        super().__init__(f"{target}: {reason}")
        self.target = target
        self.reason = reason

    def as_problem(self) -> Problem:
        return Problem(
            503,
            "dependency-unavailable",
            f"The {self.target} service did not answer ({self.reason}); try again shortly.",
            title="Service unavailable",
            headers={"Retry-After": "5"},
        )


class OrgInfo(BaseModel):
    id: str
    name: str
    role: str
    created_at: datetime


class InternalClient:
    def __init__(self, settings: Settings, caller: str, client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self.caller = caller
        self._client = client or make_client(timeout=httpx.Timeout(settings.internal_timeout_s))

    async def aclose(self) -> None:
        await self._client.aclose()

    def _headers(self) -> dict[str, str]:
        me = principal_mod.Principal(role=principal_mod.SERVICE_ROLE, name=self.caller, service=self.caller)
        headers = {principal_mod.HEADER: principal_mod.sign(me, self.settings.internal_secret)}
        request_id = current_request_id()
        if request_id:
            headers[REQUEST_ID_HEADER] = request_id
        return headers

    async def get(self, target: str, path: str, params: dict[str, Any] | None = None) -> httpx.Response:
        """GET ``path`` on ``target``; 5xx and transport failures raise DependencyUnavailable."""
        url = self.settings.url_of(target) + path
        for attempt in range(2):
            try:
                response = await self._client.get(url, params=params, headers=self._headers())
                break
            except TRANSPORT_ERRORS as exc:
                # A GET may go again once when a reused connection broke under it.
                if attempt == 0 and failure_kind(exc) == "broken":
                    continue
                raise DependencyUnavailable(target, failure_kind(exc)) from exc
        if response.status_code >= 500:
            raise DependencyUnavailable(target, f"answered {response.status_code}")
        return response

    async def get_json(self, target: str, path: str, params: dict[str, Any] | None = None) -> Any | None:
        """The JSON body, or None on 404; other 4xx are a bug on our side and raise."""
        response = await self.get(target, path, params)
        if response.status_code == 404:
            return None
        response.raise_for_status()
        return response.json()

    async def get_org(self, org_id: str) -> OrgInfo | None:
        data = await self.get_json("gateway", f"/internal/orgs/{org_id}")
        return OrgInfo.model_validate(data) if data is not None else None

    async def list_orgs(self, role: str | None = None) -> list[OrgInfo]:
        orgs: list[OrgInfo] = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": 1000}
            if role:
                params["role"] = role
            if cursor:
                params["cursor"] = cursor
            page = await self.get_json("gateway", "/internal/orgs", params)
            assert page is not None
            orgs.extend(OrgInfo.model_validate(item) for item in page["items"])
            cursor = page.get("next_cursor")
            if not cursor:
                return orgs

    async def require_org(self, org_id: str, role: str, field: str) -> OrgInfo:
        """The org, checked to exist with ``role``; else a 422 naming ``field`` (CONTRACT §2)."""
        try:
            org = await self.get_org(org_id)
        except DependencyUnavailable as exc:
            raise exc.as_problem() from exc
        if org is None or org.role != role:
            raise Problem(
                422,
                f"invalid-{field.replace('_', '-')}",
                f"{field} {org_id} is not a {role} org on this platform.",
                errors=[{"loc": ["body", field], "msg": f"must be the id of a {role} org"}],
            )
        return org
