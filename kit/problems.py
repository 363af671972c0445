"""RFC 9457 problem details for every error a process answers (CONTRACT §1)."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Message

from kit import errors, i18n
from kit.requestid import current_request_id

PROBLEM_BASE = "https://finmatch.example/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"
INTERNAL_ERROR_DETAIL = "The platform failed to answer this request; quote the request_id to the operator."

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
        localised: bool = False,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.localised = localised
        self.status = status
        self.slug = slug
        self.detail = detail
        self.title = title or slug.replace("-", " ").capitalize()
        self.headers = headers
        self.extra = extra

    def body(self) -> dict[str, Any]:
        title, detail = self.title, self.detail
        if not self.localised:
            title, detail = i18n.localise_problem(self.slug, title, detail, self.extra)
        else:
            title = i18n.localise_problem(self.slug, title, detail, self.extra)[0]
        return problem_body(self.status, self.slug, detail, title, **self.extra)

    def response(self) -> JSONResponse:
        return JSONResponse(
            self.body(), status_code=self.status, media_type=PROBLEM_MEDIA_TYPE, headers=self.headers
        )

    def asgi_messages(self) -> tuple[Message, Message]:
        """The response as the two ASGI messages, for middleware that answers on its own."""
        payload = json.dumps(self.body()).encode()
        headers = [
            (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
            (b"content-length", str(len(payload)).encode()),
        ]
        headers += [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (self.headers or {}).items()
        ]
        start: Message = {"type": "http.response.start", "status": self.status, "headers": headers}
        return start, {"type": "http.response.body", "body": payload, "more_body": False}


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


def internal_error(detail: str = INTERNAL_ERROR_DETAIL) -> Problem:
    """The 500 the platform answers when it failed (the cause is logged, never shown)."""
    return Problem(500, "internal-error", detail, title="Internal error")


def not_found(what: str = "resource") -> Problem:
    return Problem(404, "not-found", f"No such {what}, or it is not visible to you.")


def forbidden(detail: str = "Your role may not call this operation.") -> Problem:
    return Problem(403, "forbidden", detail)


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
    return exc.response()


# The one place a domain error becomes an HTTP status (most specific class first).
_STATUS_BY_ERROR: tuple[tuple[type[errors.DomainError], int], ...] = (
    (errors.Unauthorized, 401),
    (errors.NotFound, 404),
    (errors.Forbidden, 403),
    (errors.Conflict, 409),
    (errors.RuleViolation, 422),
    (errors.PreconditionFailed, 412),
    (errors.PayloadTooLarge, 413),
    (errors.UnsupportedMediaType, 415),
    (errors.Unavailable, 503),
)


def status_of(exc: errors.DomainError) -> int:
    for cls, status in _STATUS_BY_ERROR:
        if isinstance(exc, cls):
            return status
    return 400


def problem_from_error(exc: errors.DomainError) -> Problem:
    """The RFC 9457 problem a domain error is answered with."""
    extra = dict(exc.extra)
    if exc.field is not None:
        extra["errors"] = [{"loc": ["body", exc.field], "msg": exc.field_msg}]
    return Problem(status_of(exc), exc.slug, exc.detail, title=exc.title, headers=_headers_of(exc), **extra)


def _headers_of(exc: errors.DomainError) -> dict[str, str] | None:
    if isinstance(exc, errors.Unauthorized):
        return {"WWW-Authenticate": "Bearer"}
    if isinstance(exc, errors.Unavailable) and exc.retry_after_s is not None:
        return {"Retry-After": str(exc.retry_after_s)}
    return None


async def _on_domain_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, errors.DomainError)
    return problem_from_error(exc).response()


async def _on_validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": _loc(err.get("loc", ())), "msg": _message(err)} for err in exc.errors()]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"])
    # A bad USCC anywhere in the request has its own stable slug (CONTRACT §1).
    slug = (
        "invalid-uscc"
        if any(err.get("type") == "invalid_uscc" for err in exc.errors())
        else "validation-error"
    )
    detail = f"{where}: {first['msg']}" if where else str(first["msg"])
    return Problem(422, slug, detail, title="Request is not valid", localised=True, errors=errors).response()


def _message(err: Any) -> str:
    """pydantic's message, in the request's language (CONTRACT §1 "Language")."""
    context = {**(err.get("ctx") or {})}
    return i18n.localise_validation(str(err.get("type", "")), str(err.get("msg", "")), context)


async def _on_http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    slug = _SLUG_BY_STATUS.get(status, "error")
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    detail = exc.detail if isinstance(exc.detail, str) else title
    return Problem(status, slug, detail, title=title, headers=dict(exc.headers or {})).response()


async def _on_unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return internal_error().response()


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(errors.DomainError, _on_domain_error)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)


# --- The problems in the OpenAPI contract ------------------------------------------------

PROBLEM_SCHEMA_NAME = "Problem"
PROBLEM_SCHEMA: dict[str, Any] = {
    "title": PROBLEM_SCHEMA_NAME,
    "description": "RFC 9457 problem details; `type` ends in a stable slug. Some problems add members "
    "(e.g. `limit_fen`); validation problems add `errors`.",
    "type": "object",
    "required": ["type", "title", "status", "detail", "request_id"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "request_id": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["loc", "msg"],
                "properties": {
                    "loc": {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
                    "msg": {"type": "string"},
                },
            },
        },
    },
    "additionalProperties": True,
}
# Every operation behind authentication may answer these (CONTRACT §1); 404 only where a
# path names an object.
COMMON_PROBLEMS = {
    "401": "Missing or unknown API key (`unauthorized`).",
    "403": "The caller's role (or guarantor tier) may never call this operation (`forbidden`).",
}
NOT_FOUND = "No such object, or it is not visible to the caller (`not-found`)."
UNREADABLE_BODY = "The body could not be read at all, e.g. it is not UTF-8 (`bad-request`)."
KEY_IN_USE = "A request with this Idempotency-Key is still running (`idempotency-key-in-use`)."
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")
_METHODS = ("get", "put", "post", "patch", "delete")


def problem_content() -> dict[str, Any]:
    return {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": f"#/components/schemas/{PROBLEM_SCHEMA_NAME}"}}}


def add_problem_responses(
    operation: dict[str, Any], problems: dict[str, str], *, content: dict[str, Any] | None = None
) -> None:
    """Document ``problems`` (status -> description) on one OpenAPI operation, unless already there."""
    responses: dict[str, Any] = operation.setdefault("responses", {})
    for status, description in problems.items():
        responses.setdefault(status, {"description": description, "content": content or problem_content()})


def document_problems(spec: dict[str, Any], public_paths: frozenset[str]) -> dict[str, Any]:
    """Make an app's OpenAPI say what its errors really are.

    FastAPI documents its own 422 body (``HTTPValidationError``) as ``application/json``; ours
    is a problem (``_on_validation``). Every error response becomes the ``Problem`` schema as
    ``application/problem+json``, and every authenticated operation documents 401 and 403
    (404 when its path names an object), so clients and contract tests can rely on the spec.
    """
    spec.setdefault("components", {}).setdefault("schemas", {})[PROBLEM_SCHEMA_NAME] = PROBLEM_SCHEMA
    for path, item in spec.get("paths", {}).items():
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            if path not in public_paths:
                add_problem_responses(operation, COMMON_PROBLEMS)
                if "{" in path:
                    add_problem_responses(operation, {"404": NOT_FOUND})
                if "requestBody" in operation:
                    add_problem_responses(operation, {"400": UNREADABLE_BODY})
                if any(p.get("name") == "Idempotency-Key" for p in operation.get("parameters", [])):
                    add_problem_responses(operation, {"409": KEY_IN_USE})
            for status, response in operation.get("responses", {}).items():
                if status.isdigit() and int(status) >= 400:
                    if response.get("description") == "Validation Error":
                        response["description"] = "The request is not valid (`validation-error` and others)."
                    response["content"] = problem_content()
    schemas = spec["components"]["schemas"]
    for name in _FASTAPI_VALIDATION_SCHEMAS:  # the first refers to the second
        if name in schemas and f'"#/components/schemas/{name}"' not in json.dumps(spec):
            del schemas[name]
    return spec
