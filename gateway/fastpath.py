"""Proxied calls straight to gateway.proxy, past FastAPI's router and its per-request machinery.

Every public call to a service passes here. Through FastAPI it went past the routes of the
gateway's own operations (matched one by one), the dependency solver, the exception and
telemetry middleware and a database session it never uses: about a third of the gateway's
Python per proxied call (bench/README.md, "Profiles: gateway"). The answer is the same: the
same function forwards it, problems are rendered by kit.problems as the exception handlers
would, and the route is recorded as ``/v1/{prefix}/{rest:path}`` for metrics and logs.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway import proxy
from kit.asgi import HttpMiddleware
from kit.db import DATABASE_ERRORS, on_database_error
from kit.errors import DomainError
from kit.problems import Problem, problem_from_error

METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
PREFIXES = tuple(f"/v1/{prefix}/" for prefix in proxy.PREFIXES)


class ProxyFastPath(HttpMiddleware):
    def __init__(self, app: ASGIApp, route: BaseRoute | None = None) -> None:
        super().__init__(app)
        self.route = route

    def applies_to(self, scope: Scope) -> bool:
        return scope["method"] in METHODS and str(scope["path"]).startswith(PREFIXES)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        _, _, prefix, rest = str(scope["path"]).split("/", 3)
        if self.route is not None:
            scope["route"] = self.route
        request = Request(scope, receive)
        try:
            response = await proxy.forward(request, prefix, rest)
        except Problem as problem:
            response = problem.response()
        except DomainError as error:
            response = problem_from_error(error).response()
        except DATABASE_ERRORS as error:
            # The key lookup or its last-used mark met a database that went away: a 503 with
            # Retry-After, as the exception handlers answer past FastAPI (a bug still raises).
            response = await on_database_error(request, error)
        await response(scope, receive, send)
