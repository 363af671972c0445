"""``GET /v1/credit/ratings/{uscc}`` past FastAPI's router and dependency solver.

The rating read is the platform's hottest public call (`read_chain_ratio`, bench/README.md).
Through FastAPI it went past every credit_push route (matched one by one), the dependency
solver (the role check, the session, the USCC parameter) and the request/response wrappers:
about a fifth of credit_push's CPU per read. This middleware sits inside kit's trust boundary
and the request's transaction (kit.asgi.add_innermost_middleware), so the caller is vouched for
and the session is the request's, exactly as for the route. It answers the common case, a
valid USCC read by a role the route admits, with the route's own answer (routes/ratings.py
``rating_answer``), its problems rendered by kit.problems as the exception handlers would, and
the route recorded for metrics and logs. Anything else (an invalid USCC's 422, a refused
role's 403, another path or method) goes on to FastAPI unchanged.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from kit import fastpath
from kit.principal import Principal, role_allowed
from kit.uscc import InvalidUSCC, normalize_uscc
from services.credit_push.routes.common import READERS
from services.credit_push.routes.ratings import rating_answer, router

PATH = router.prefix + "/ratings/{uscc}"
PREFIX = PATH.removesuffix("{uscc}")


class RatingReadFastPath(fastpath.FastPath):
    def applies_to(self, scope: Scope) -> bool:
        # HEAD arrives here as GET (kit.middleware answers it without the body).
        return scope["method"] == "GET" and str(scope["path"]).startswith(PREFIX)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        uscc = uscc_of(scope, PREFIX)
        principal: Principal | None = scope["state"].get("principal")
        if uscc is None or principal is None or not role_allowed(principal.role, READERS, "GET"):
            await self.app(scope, receive, send)  # FastAPI answers it: its 422, 403, 404 or route
            return
        scope["route"] = self.route
        answer = rating_answer(scope["state"]["db"], uscc, principal)
        response = await fastpath.answered(scope, receive, answer)
        await response(scope, receive, send)


def uscc_of(scope: Scope, prefix: str) -> str | None:
    """The USCC after ``prefix`` in the path as a route's parameter reads it (one segment,
    kit.uscc), else None."""
    if scope.get("root_path"):
        return None  # the router would match the path without it: leave that to the router
    segment = str(scope["path"])[len(prefix) :]
    if not segment or "/" in segment:
        return None
    try:
        return normalize_uscc(segment)
    except InvalidUSCC:
        return None


def install(app: FastAPI) -> None:
    """Serve the rating read past FastAPI in ``app`` (before it starts); the route recorded for
    metrics and logs is the one FastAPI records (``scope["route"]``), the router's own."""
    fastpath.install(app, RatingReadFastPath, router, PATH, "GET")
