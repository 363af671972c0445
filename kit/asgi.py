"""The base of every middleware here: it handles HTTP requests, anything else passes through."""

from __future__ import annotations

from typing import ParamSpec

from starlette.applications import Starlette
from starlette.middleware import Middleware, _MiddlewareFactory
from starlette.types import ASGIApp, Receive, Scope, Send


class HttpMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.applies_to(scope):
            await self.handle(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    def applies_to(self, scope: Scope) -> bool:
        """Whether ``handle`` sees this request (the lifespan and websockets never reach it)."""
        return True

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


P = ParamSpec("P")


def add_innermost_middleware(
    app: Starlette, middleware_class: _MiddlewareFactory[P], *args: P.args, **options: P.kwargs
) -> None:
    """Add a middleware inside every one added so far (``add_middleware`` adds outermost).

    Such a middleware sees a request as a route does: kit.app's trust boundary has vouched for
    the caller and the request's transaction is open, and only the router and the exception
    handlers lie between it and the routes.
    """
    if app.middleware_stack is not None:
        raise RuntimeError("Cannot add middleware after an application has started")
    app.user_middleware.append(Middleware(middleware_class, *args, **options))
