"""The authenticated clients: the generated operations plus retries, problems and iteration.

``Finmatch`` (sync) and ``AsyncFinmatch`` share one httpx client with the generated
``AuthenticatedClient`` (``.api``), so a generated operation and a hand-written helper send the
same key, retry the same way (:mod:`finmatch_client.transport`) and raise the same
:class:`~finmatch_client.problems.ProblemError`. The helpers take paths, not generated function
names, so a rename of the operations in the contract costs a regeneration and nothing here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Self, TypeVar, overload

import httpx

from .cursors import CursorStore, MemoryCursorStore
from .generated.client import AuthenticatedClient
from .generated.models.event_out import EventOut
from .generated.models.problem import Problem
from .pages import FEED_PATH, Params, page_params, read_page
from .problems import ProblemError, raise_for_problem
from .transport import KEY_HEADER, FinmatchTransport

T = TypeVar("T")
Parse = Callable[[dict[str, Any]], T]

DEFAULT_TIMEOUT_S = 30.0


def unwrap(value: T | Problem | None) -> T:
    """The success value of a generated ``sync()``/``asyncio()`` call, typed without its union.

    With the clients here a problem is raised before the generated code returns, so this only
    narrows the type; a ``Problem`` or ``None`` still reaching it (another client) is raised.
    """
    if isinstance(value, Problem):
        raise ProblemError(
            type=value.type_,
            title=value.title,
            status=value.status,
            detail=value.detail,
            request_id=value.request_id,
            extra=dict(value.additional_properties),
        )
    if value is None:
        raise ProblemError(type="about:blank", title="Unexpected answer", status=0)
    return value


def request_headers(headers: Mapping[str, str] | None, idempotency_key: str | None) -> dict[str, str]:
    merged = dict(headers or {})
    if idempotency_key is not None:
        merged[KEY_HEADER] = idempotency_key
    return merged


def body_of(response: httpx.Response) -> Any:
    """The JSON answer, or None for 202/204 answers without a body."""
    return response.json() if response.content else None


class Finmatch:
    """A synchronous client for one organisation's API key.

    ``Finmatch("https://api.example", "fm_...")``; ``retries``, ``backoff_s`` and ``max_wait_s`` tune
    :class:`~finmatch_client.transport.FinmatchTransport`; ``transport`` replaces the network layer
    under the retries (tests, proxies).
    """

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
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        retrying = FinmatchTransport(transport, retries=retries, backoff_s=backoff_s, max_wait_s=max_wait_s)
        self.http = httpx.Client(
            base_url=base_url,
            headers={**(headers or {}), "Authorization": f"Bearer {api_key}"},
            timeout=timeout_s,
            transport=retrying,
            event_hooks={"response": [raise_for_problem]},
        )
        self.api = AuthenticatedClient(base_url=base_url, token=api_key).set_httpx_client(self.http)

    def request(
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
        response = self.http.request(
            method, path, json=json, params=params, headers=request_headers(headers, idempotency_key)
        )
        return body_of(response)

    def get(self, path: str, *, params: Params | None = None) -> Any:
        return self.request("GET", path, params=params)

    def post(self, path: str, json: Any = None, *, idempotency_key: str | None = None) -> Any:
        return self.request("POST", path, json=json, idempotency_key=idempotency_key)

    @overload
    def iter_items(
        self, path: str, *, params: Params | None = ..., limit: int | None = ...
    ) -> Iterator[dict[str, Any]]: ...

    @overload
    def iter_items(
        self, path: str, *, params: Params | None = ..., limit: int | None = ..., parse: Parse[T]
    ) -> Iterator[T]: ...

    def iter_items(
        self,
        path: str,
        *,
        params: Params | None = None,
        limit: int | None = None,
        parse: Parse[Any] | None = None,
    ) -> Iterator[Any]:
        """Every item of a list, page after page (``parse=Exposure.from_dict`` types them)."""
        cursor: str | None = None
        while True:
            page = read_page(self.get(path, params=page_params(params, cursor, limit)))
            yield from (parse(item) if parse else item for item in page.items)
            if page.next_cursor is None or not page.has_more:  # the feed's cursor is never null
                return
            cursor = page.next_cursor

    def iter_feed(
        self,
        store: CursorStore | None = None,
        *,
        limit: int = 100,
        follow: bool = False,
        poll_s: float = 5.0,
    ) -> Iterator[EventOut]:
        """The bank's events in ``seq`` order from where ``store`` left off.

        The cursor is saved after the last event of each page has been handed over, so a reader
        that stops (or crashes) mid-page sees the rest of that page again: process events
        idempotently, by ``seq`` (the webhook helper's seq store does that). Stops when caught up
        unless ``follow``, which polls every ``poll_s`` seconds.
        """
        store = store or MemoryCursorStore()
        while True:
            page = read_page(self.get(FEED_PATH, params=page_params(None, store.load(), limit)))
            yield from (EventOut.from_dict(item) for item in page.items)
            if page.next_cursor is not None:
                store.save(page.next_cursor)
            if not page.has_more:
                if not follow:
                    return
                time.sleep(poll_s)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
