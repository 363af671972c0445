"""Helpers for credit_push tests: a real webhook receiver on loopback, direct service calls, waiting."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import httpx

from kit.principal import Principal, sign
from tests.support.api import Actor, Api, make_uscc
from tests.support.stack import INTERNAL_SECRET

T = TypeVar("T")


class _Server(ThreadingHTTPServer):
    # The dispatcher opens many connections at once (FINMATCH_WEBHOOK_MAX_IN_FLIGHT per
    # subscription); the default backlog of 5 would reset some of them.
    request_queue_size = 256


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: datetime


@dataclass
class Receiver:
    """A small HTTP server in a thread; ``respond(n)`` gives the status of the n-th request (0-based)."""

    respond: Callable[[int], int] = lambda _: 200
    received: list[Received] = field(default_factory=list)

    def __post_init__(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                with receiver._lock:
                    n = len(receiver.received)
                    receiver.received.append(
                        Received({k.lower(): v for k, v in self.headers.items()}, body, datetime.now(UTC))
                    )
                status = receiver.respond(n)
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self._lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def bodies(self) -> list[bytes]:
        with self._lock:
            return [r.body for r in self.received]


async def eventually(check: Callable[[], Awaitable[T | None]], *, within_s: float = 30.0) -> T:
    """Poll ``check`` until it returns something truthy (background work settles)."""
    deadline = asyncio.get_running_loop().time() + within_s
    while True:
        value = await check()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.1)


def item(uscc: str | None = None, rating: str = "A", year: int = 2024, **extra: Any) -> dict[str, Any]:
    uscc = uscc or make_uscc()
    return {"uscc": uscc, "name": f"企业 {uscc[-6:]}", "rating": rating, "year": year, **extra}


async def upload(api: Api, tax: Actor, items: list[dict[str, Any]]) -> dict[str, Any]:
    response = await api.call(tax, "POST", "/v1/credit/ratings", json={"items": items})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def feed_all(api: Api, bank: Actor) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000}
        if cursor:
            params["cursor"] = cursor
        response = await api.call(bank, "GET", "/v1/credit/feed", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        events.extend(page["items"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return events


class Direct:
    """Calls a credit_push instance directly, signing the principal as the gateway would."""

    def __init__(self, url: str) -> None:
        self.client = httpx.AsyncClient(base_url=url, timeout=30.0)

    async def aclose(self) -> None:
        await self.client.aclose()

    async def call(
        self, role: str, org_id: str | None, method: str, path: str, **kwargs: Any
    ) -> httpx.Response:
        if role == "service":
            principal = Principal(role=role, name="loan_match", service="loan_match")
        else:
            principal = Principal(role=role, name=f"{role}-direct", org_id=org_id or str(uuid.uuid4()))
        headers = {"X-Finmatch-Principal": sign(principal, INTERNAL_SECRET)}
        return await self.client.request(method, path, headers=headers, **kwargs)
