"""The console's pages and assets at ``/console`` (CONTRACT §1: public pages, the data needs a key).

Nothing here reads a key: the pages are the same for everyone, and the browser calls the public
API itself with the key the person typed; the charts it puts in them are drawn by the gateway,
with that key too (gateway.console.charts).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from gateway.console import charts
from gateway.console.pages import PAGES, REGIONS
from gateway.console.render import render_home, render_page

PREFIX = "/console"
# Strict: only our own script, style and API; no inline code, no frames, no other origin.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
_ASSET_NAME = re.compile(r"^[a-z0-9_-]+\.(js|css)$")
_REGION_CODES = {code for code, _ in REGIONS}

NOT_FOUND = (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>404 · finmatch</title></head>'
    '<body><p>没有这个页面 No such console page. <a href="/console">/console</a></p></body></html>'
)

router = APIRouter(prefix=PREFIX, include_in_schema=False)
router.include_router(charts.router)


def _asset(name: str) -> tuple[bytes, str] | None:
    """A file of static/, and its ETag; read once per request (they are a few KB)."""
    if not _ASSET_NAME.match(name):
        return None
    file = resources.files("gateway.console") / "static" / name
    if not file.is_file():
        return None
    body = file.read_bytes()
    return body, '"' + hashlib.sha256(body).hexdigest()[:20] + '"'


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"})


def clean_filters(request: Request) -> dict[str, str]:
    """The filter values that are well formed (dates, a 市州 code); anything else is dropped."""
    values: dict[str, str] = {}
    for name in ("from", "to"):
        raw = request.query_params.get(name, "")
        try:
            values[name] = date.fromisoformat(raw).isoformat()
        except ValueError:
            continue
    region = request.query_params.get("region_code", "")
    if region in _REGION_CODES:
        values["region_code"] = region
    return values


@router.get("")
async def home() -> HTMLResponse:
    return _html(render_home())


@router.get("/")
async def home_slash() -> RedirectResponse:
    return RedirectResponse(PREFIX, status_code=308)


@router.get("/static/{name}")
async def asset(name: str, request: Request) -> Response:
    found = _asset(name)
    if found is None:
        return Response("Not found", status_code=404, headers=SECURITY_HEADERS, media_type="text/plain")
    body, etag = found
    headers = {**SECURITY_HEADERS, "ETag": etag, "Cache-Control": "public, max-age=300"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, headers=headers, media_type=MEDIA_TYPES[name[name.rindex(".") :]])


@router.get("/{slug}")
async def page(slug: str, request: Request) -> HTMLResponse:
    found = PAGES.get(slug)
    if found is None:
        return _html(NOT_FOUND, 404)
    return _html(render_page(found, clean_filters(request)))
