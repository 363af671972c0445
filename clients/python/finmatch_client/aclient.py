"""The asyncio twin of :class:`finmatch_client.client.Finmatch` (same arguments, awaited calls)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from typing import Any, Self, TypeVar, overload

import httpx

from .client import DEFAULT_TIMEOUT_S, Parse, body_of, request_headers
from .cursors import CursorStore, MemoryCursorStore
from .generated.client import AuthenticatedClient
from .generated.models.event_out import EventOut
from .pages import FEED_PATH, Params, page_params, read_page
from .problems import araise_for_problem
from .transport import FinmatchTransport

T = TypeVar("T")


class AsyncFinmatch:
    """An asyncio client for one organisation's API key; see :class:`~finmatch_client.Finmatch`."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        retries: int = 4,
        backoff_s: float = 0.5,
        max_wait_s: float = 60.0,
        headers: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        retrying = FinmatchTransport(transport, retries=retries, backoff_s=backoff_s, max_wait_s=max_wait_s)
        self.http = httpx.AsyncClient(
            base_url=base_url,
            headers={**(headers or {}), "Authorization": f"Bearer {api_key}"},
            timeout=timeout_s,
            transport=retrying,
            event_hooks={"response": [araise_for_problem]},
        )
        self.api = AuthenticatedClient(base_url=base_url, token=api_key).set_async_httpx_client(self.http)

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """Send one request; answer its JSON body. A creating POST gets a fresh key unless given one."""
        response = await self.http.request(
            method, path, json=json, params=params, headers=request_headers(headers, idempotency_key)
        )
        return body_of(response)

    async def get(self, path: str, *, params: Params | None = None) -> Any:
        return await self.request("GET", path, params=params)

    async def post(self, path: str, json: Any = None, *, idempotency_key: str | None = None) -> Any:
        return await self.request("POST", path, json=json, idempotency_key=idempotency_key)

    @overload
    def iter_items(
        self, path: str, *, params: Params | None = ..., limit: int | None = ...
    ) -> AsyncIterator[dict[str, Any]]: ...

    @overload
    def iter_items(
        self, path: str, *, params: Params | None = ..., limit: int | None = ..., parse: Parse[T]
    ) -> AsyncIterator[T]: ...

    async def iter_items(
        self,
        path: str,
        *,
        params: Params | None = None,
        limit: int | None = None,
        parse: Parse[Any] | None = None,
    ) -> AsyncIterator[Any]:
        """Every item of a list, page after page (``parse=Exposure.from_dict`` types them)."""
        cursor: str | None = None
        while True:
            page = read_page(await self.get(path, params=page_params(params, cursor, limit)))
            for item in page.items:
                yield parse(item) if parse else item
            if page.next_cursor is None or not page.has_more:  # the feed's cursor is never null
                return
            cursor = page.next_cursor

    async def iter_feed(
        self,
        store: CursorStore | None = None,
        *,
        limit: int = 100,
        follow: bool = False,
        poll_s: float = 5.0,
    ) -> AsyncIterator[EventOut]:
        """The bank's events in ``seq`` order from where ``store`` left off (see ``Finmatch.iter_feed``)."""
        store = store or MemoryCursorStore()
        while True:
            page = read_page(await self.get(FEED_PATH, params=page_params(None, store.load(), limit)))
            for item in page.items:
                yield EventOut.from_dict(item)
            if page.next_cursor is not None:
                store.save(page.next_cursor)
            if not page.has_more:
                if not follow:
                    return
                await asyncio.sleep(poll_s)

    async def aclose(self) -> None:
        await self.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
