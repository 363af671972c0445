"""The gateway process: identity, routing, limits, health and the merged contract."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from gateway import console, keycache, limitsync, openapi_merge, proxy, repository, upstream
from gateway.auth import KeyStore
from gateway.bodylimit import BodyLimitMiddleware
from gateway.fastpath import ProxyFastPath
from gateway.ratelimit import Policy, SharedCounter
from gateway.routes import internal_router, router
from gateway.settings import GatewaySettings
from gateway.tables import idempotency_keys
from kit.app import AppContext, build_app
from kit.http import TRANSPORT_ERRORS, make_client
from kit.settings import SERVICE_NAMES

DESCRIPTION = """The public API of finmatch, the Gansu SME financing-matching platform.

Every operation takes `Authorization: Bearer <api key>`. Errors are RFC 9457 problems.
See CONTRACT.md for the binding rules."""

meta_router = APIRouter(include_in_schema=False)
DOCS_ASSETS = "/docs/assets"
proxy_router = APIRouter(include_in_schema=False)


@meta_router.get("/openapi.json")
async def openapi_json(request: Request) -> JSONResponse:
    cached: dict[str, Any] | None = request.app.state.openapi_cache
    if cached is not None:
        return JSONResponse(cached)
    client: httpx.AsyncClient = request.app.state.upstream
    settings: GatewaySettings = request.app.state.settings

    async def fetch(name: str) -> dict[str, Any] | None:
        try:
            response = await client.get(f"{settings.url_of(name)}/openapi.json", timeout=5.0)
        except TRANSPORT_ERRORS:
            return None
        return response.json() if response.status_code == 200 else None

    fetched = await asyncio.gather(*(fetch(name) for name in SERVICE_NAMES))
    specs = {name: spec for name, spec in zip(SERVICE_NAMES, fetched, strict=True) if spec is not None}
    merged = openapi_merge.merge(request.app.openapi(), specs)
    if len(specs) == len(SERVICE_NAMES):
        request.app.state.openapi_cache = merged
    return JSONResponse(merged)


@meta_router.get("/docs")
async def docs() -> HTMLResponse:
    # Swagger UI's assets ship in the swagger-ui-bundle-v2 wheel: /docs needs no CDN.
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="finmatch API",
        swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{DOCS_ASSETS}/favicon-32x32.png",
    )


@proxy_router.api_route("/v1/{prefix}/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
async def route_to_service(request: Request, prefix: str, rest: str) -> Response:
    return await proxy.forward(request, prefix, rest)


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    keys = KeyStore(keycache.KeyCache(), keycache.UsageTracker())
    limits = limitsync.Limits(
        rate=SharedCounter(Policy.per_second(settings.rate_limit_per_s, settings.rate_limit_burst_s)),
        failures=SharedCounter(Policy.failures(settings.failed_auth_limit)),
    )

    gate = proxy.Gate(settings, keys, limits)

    async def start(ctx: AppContext) -> None:
        app.state.upstream = make_client(
            timeout=httpx.Timeout(settings.upstream_timeout_s, connect=settings.upstream_connect_timeout_s)
        )
        gate.client = app.state.proxy_client = upstream.session(
            connect_timeout_s=settings.upstream_connect_timeout_s, timeout_s=settings.upstream_timeout_s
        )
        if settings.admin_key:
            async with ctx.sessionmaker.begin() as session:
                await repository.ensure_bootstrap_admin(session)

    async def stop(_: AppContext) -> None:
        await app.state.upstream.aclose()
        await app.state.proxy_client.close()

    app = build_app(
        "gateway",
        settings,
        title="finmatch",
        description=DESCRIPTION,
        routers=[router, internal_router, meta_router, console.router, proxy_router],
        on_startup=[start],
        on_shutdown=[stop],
        workers=[
            keycache.listener(keys.cache, settings.require_database_url()),
            keycache.usage_flusher(keys.usage),
            limitsync.syncer(limits, settings.limit_sync_ms / 1000),
        ],
        trust_boundary=False,
        idempotency_table=idempotency_keys,
        peers=SERVICE_NAMES,  # shown as finmatch_peer_up; the gateway's readiness is its own
        # The fast path outside the body limit's middleware: it counts a proxied body itself.
        middleware=[
            (BodyLimitMiddleware, {"max_bytes": settings.max_body_bytes}),
            (
                ProxyFastPath,
                {"gate": gate, "max_bytes": settings.max_body_bytes, "route": proxy_router.routes[0]},
            ),
        ],
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        # FastAPI's own OpenTelemetry bridge records only into a global provider, which nothing
        # here sets (kit.tracing has its own): off, it no longer asks for one on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    gate.engine = app.state.ctx.engine
    gate.signer = app.state.credentials.signer
    app.mount(DOCS_ASSETS, StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")
    app.state.limits = limits
    app.state.keys = keys
    app.state.gate = gate
    app.state.openapi_cache = None
    return app
