"""Outbound HTTP clients: the httpx API on aiohttp's engine.

A shared ``httpx.AsyncClient`` proxying under concurrency stalls in httpcore's pool on
this stack; ``httpx-aiohttp`` keeps the httpx API (requests, exceptions, timeouts) and
runs on aiohttp's connection pool instead.
"""

from __future__ import annotations

import httpx
from httpx_aiohttp import AiohttpTransport


def make_client(
    *, timeout: httpx.Timeout, max_connections: int = 200, base_url: str = ""
) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    return httpx.AsyncClient(
        transport=AiohttpTransport(limits=limits, trust_env=False),
        timeout=timeout,
        base_url=base_url,
        follow_redirects=False,
    )
