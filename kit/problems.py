"""RFC 9457 problem details for every error a process answers (CONTRACT §1)."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as SATimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from kit.requestid import current_request_id

PROBLEM_BASE = "https://finmatch.example/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

log = logging.getLogger("kit.problems")


class Problem(Exception):
    """An expected failure, answered as ``application/problem+json``.

    ``slug`` becomes the stable end of ``type``; ``extra`` adds members such as
    ``limit_fen``. Raising one inside a request rolls its transaction back.
    """

    def __init__(
        self,
        status: int,
        slug: str,
        detail: str,
        *,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.detail = detail
        self.title = title or slug.replace("-", " ").capitalize()
        self.headers = headers
        self.extra = extra


def problem_body(
    status: int, slug: str, detail: str, title: str | None = None, **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + slug,
        "title": title or slug.replace("-", " ").capitalize(),
        "status": status,
        "detail": detail,
        "request_id": current_request_id(),
    }
    body.update(extra)
    return body


def problem_response(
    status: int,
    slug: str,
    detail: str,
    *,
    title: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    return JSONResponse(
        problem_body(status, slug, detail, title, **extra),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def not_found(what: str = "resource") -> Problem:
    return Problem(404, "not-found", f"No such {what}, or it is not visible to you.")


def forbidden(detail: str = "Your role may not call this operation.") -> Problem:
    return Problem(403, "forbidden", detail)


def unprocessable(slug: str, detail: str, **extra: Any) -> Problem:
    return Problem(422, slug, detail, **extra)


_SLUG_BY_STATUS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    413: "payload-too-large",
    415: "unsupported-media-type",
    429: "rate-limited",
}


def _loc(loc: tuple[Any, ...] | list[Any]) -> list[str | int]:
    return [part if isinstance(part, int) else str(part) for part in loc]


async def _on_problem(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return problem_response(
        exc.status, exc.slug, exc.detail, title=exc.title, headers=exc.headers, **exc.extra
    )


async def _on_validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": _loc(err.get("loc", ())), "msg": str(err.get("msg", ""))} for err in exc.errors()]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"])
    # A bad USCC anywhere in the request has its own stable slug (CONTRACT §1).
    slug = (
        "invalid-uscc"
        if any(err.get("type") == "invalid_uscc" for err in exc.errors())
        else "validation-error"
    )
    return problem_response(
        422,
        slug,
        f"{where}: {first['msg']}" if where else str(first["msg"]),
        title="Request is not valid",
        errors=errors,
    )


async def _on_http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    slug = _SLUG_BY_STATUS.get(status, "error")
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    detail = exc.detail if isinstance(exc.detail, str) else title
    return problem_response(status, slug, detail, title=title, headers=dict(exc.headers or {}))


def _database_unreachable(exc: BaseException) -> bool:
    """True when the database could not be reached or gave no connection (down, full, restarting)."""
    if isinstance(exc, SATimeoutError):  # the connection pool stayed empty
        return True
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError | asyncpg.TooManyConnectionsError | asyncpg.CannotConnectNowError):
            return True
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        orig = current.orig if isinstance(current, DBAPIError) else None
        current = orig or current.__cause__ or current.__context__
    return False


async def _on_database_error(_: Request, exc: Exception) -> JSONResponse:
    if not _database_unreachable(exc):
        raise exc  # a real bug: the last-resort handler logs it and answers 500
    log.warning("database unavailable: %r", exc)
    return problem_response(
        503,
        "database-unavailable",
        "The database is not answering or has no free connection; nothing was changed. Try again shortly.",
        title="Service unavailable",
        headers={"Retry-After": "2"},
    )


async def _on_unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return problem_response(
        500,
        "internal-error",
        "The platform failed to answer this request; quote the request_id to the operator.",
        title="Internal error",
    )


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(DBAPIError, _on_database_error)
    # Connection failures may surface unwrapped (asyncpg raises them while the pool connects).
    for error in (SATimeoutError, OSError, asyncpg.TooManyConnectionsError, asyncpg.CannotConnectNowError):
        app.add_exception_handler(error, _on_database_error)
    app.add_exception_handler(Exception, _on_unexpected)
