"""The one typed client for service-to-service calls (``/internal/...``).

It mints, per call, a ``service`` principal naming the calling process with that process's own
signing key (audience the target, the method and the exact path and query sent), passes the
caller's ``X-Request-ID`` on, uses short explicit timeouts, and turns "the other side did not answer" into
:class:`DependencyUnavailable` so callers can degrade or refuse (``exc.as_error()``, a 503).
Org lookups are in :mod:`kit.orgs`.
"""

from __future__ import annotations

from typing import Any

import httpx

from kit import metrics, orgs, tracing
from kit import principal as principal_mod
from kit.credentials import Signer
from kit.http import TRANSPORT_ERRORS, DependencyUnavailable, failure_kind, make_client
from kit.orgs import OrgInfo
from kit.requestid import HEADER as REQUEST_ID_HEADER
from kit.requestid import current_request_id
from kit.settings import Settings

__all__ = ["DependencyUnavailable", "InternalClient", "OrgInfo"]


class InternalClient:
    def __init__(
        self,
        settings: Settings,
        caller: str,
        client: httpx.AsyncClient | None = None,
        signer: Signer | None = None,
    ) -> None:
        self.settings = settings
        self.caller = caller
        self._client = client or make_client(timeout=httpx.Timeout(settings.internal_timeout_s))
        self._signer = signer or principal_mod.credentials_for(caller, settings).signer
        me = principal_mod.Principal(role=principal_mod.SERVICE_ROLE, name=caller, service=caller)
        self._subject = principal_mod.subject_of(me)

    async def aclose(self) -> None:
        await self._client.aclose()

    def _request(self, target: str, url: str, params: dict[str, Any] | None) -> httpx.Request:
        """The GET to send, with a token minted for exactly its path and query."""
        if self._signer is None:
            raise DependencyUnavailable(target, "no signing key (FINMATCH_SIGNING_KEY)")
        request = self._client.build_request("GET", url, params=params)
        token = self._signer.mint(
            audience=target, method="GET", target=request.url.raw_path.decode("ascii"), subject=self._subject
        )
        request.headers[principal_mod.HEADER] = token
        request_id = current_request_id()
        if request_id:
            request.headers[REQUEST_ID_HEADER] = request_id
        tracing.inject(request.headers)
        return request

    async def get(self, target: str, path: str, params: dict[str, Any] | None = None) -> httpx.Response:
        """GET ``path`` on ``target``; 5xx and transport failures raise DependencyUnavailable."""
        url = self.settings.url_of(target) + path
        for attempt in range(2):
            try:
                response = await self._client.send(self._request(target, url, params))
                break
            except TRANSPORT_ERRORS as exc:
                # A GET may go again once when a reused connection broke under it.
                if attempt == 0 and failure_kind(exc) == "broken":
                    continue
                metrics.dependency_error(target, failure_kind(exc))
                raise DependencyUnavailable(target, failure_kind(exc)) from exc
        if response.status_code >= 500:
            metrics.dependency_error(target, "5xx")
            raise DependencyUnavailable(target, f"answered {response.status_code}")
        return response

    async def get_json(self, target: str, path: str, params: dict[str, Any] | None = None) -> Any | None:
        """The JSON body, or None on 404; other 4xx are a bug on our side and raise."""
        response = await self.get(target, path, params)
        if response.status_code == 404:
            return None
        response.raise_for_status()
        return response.json()

    # Compat (until the services call kit.orgs): the org lookups used to be methods here.
    async def get_org(self, org_id: str) -> OrgInfo | None:
        return await orgs.get_org(self, org_id)

    async def list_orgs(self, role: str | None = None) -> list[OrgInfo]:
        return await orgs.list_orgs(self, role)

    async def require_org(self, org_id: str, role: str, field: str) -> OrgInfo:
        return await orgs.require_org(self, org_id, role, field)
