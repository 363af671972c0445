"""What every route's fast path shares: a middleware in front of one route that answers its
common case past FastAPI's router, dependency solver and body reader, and hands anything else on.

A fast path sits inside kit's trust boundary and the request's transaction
(kit.asgi.add_innermost_middleware), so the caller is vouched for and the session is the
request's, exactly as for the route. It answers with the route's own answer, renders that
answer's problems as the exception handlers would (``answered``), reads a body as FastAPI
reads a single body model (``read_body``, ``parsed``), and records the route for metrics and
logs (``scope["route"]``). Each one is pinned by an equivalence test (tests/support/fastpath.py).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TypeVar

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kit.asgi import HttpMiddleware, add_innermost_middleware
from kit.db import DATABASE_ERRORS, on_database_error
from kit.errors import DomainError
from kit.problems import Problem, problem_from_error

Model = TypeVar("Model", bound=BaseModel)


class FastPath(HttpMiddleware):
    """A middleware that serves ``route`` itself when it can."""

    def __init__(self, app: ASGIApp, route: APIRoute) -> None:
        super().__init__(app)
        self.route = route

    async def serve_body(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        model: type[Model],
        answer: Callable[[Model], Awaitable[Response]],
    ) -> None:
        """Answer a body the route's ``model`` accepts with ``answer``; any other body goes on
        to FastAPI, which reads the same messages and words the problem."""
        messages, body = await read_body(receive)
        value = parsed(body, model)
        if value is None:
            await self.app(scope, replaying(messages, receive), send)
            return
        scope["route"] = self.route
        response = await answered(scope, receive, answer(value))
        await response(scope, receive, send)


def install(app: FastAPI, fast_path: type[FastPath], router: APIRouter, path: str, method: str) -> None:
    """Put ``fast_path`` in front of the router's route for ``method path`` (before ``app`` starts)."""
    route = next(
        r for r in router.routes if isinstance(r, APIRoute) and r.path == path and method in (r.methods or ())
    )
    add_innermost_middleware(app, fast_path, route=route)


async def answered(scope: Scope, receive: Receive, answer: Awaitable[Response]) -> Response:
    """The route's answer, or its problem as kit's exception handlers render it."""
    try:
        return await answer
    except Problem as problem:
        return problem.response()
    except DomainError as error:
        return problem_from_error(error).response()
    except DATABASE_ERRORS as error:
        # A 503 with Retry-After or a 422, as kit.db's exception handler answers (a bug raises).
        return await on_database_error(Request(scope, receive), error)


async def read_body(receive: Receive) -> tuple[list[Message], bytes | None]:
    """The request's messages up to its last body part, and the body (None when the client left)."""
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, None
        if not message.get("more_body", False):
            return messages, b"".join(m.get("body", b"") for m in messages)


def replaying(messages: list[Message], receive: Receive) -> Receive:
    """``receive`` as if nothing had been read: the messages read so far, then the rest."""
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay


def parsed(body: bytes | None, model: type[Model]) -> Model | None:
    """The body as the route sees it (Starlette's ``json.loads``, then the model, as FastAPI's
    request handler validates a single body model), or None when FastAPI would refuse it."""
    if not body:
        return None
    try:
        return model.model_validate(json.loads(body), from_attributes=True)
    except (ValueError, ValidationError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return None
