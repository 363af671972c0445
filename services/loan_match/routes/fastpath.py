"""``POST /v1/match/queries`` past FastAPI's router, dependency solver and body reader.

The match query is loan_match's hot path (`match_ratio`, bench/README.md "matching"). Through
FastAPI it went past every loan_match route (matched one by one), the dependency solver (the
role check, the session, the matcher, the body) and the request and response wrappers. This
middleware, in the house pattern of guarantee's and credit_push's ``routes/fastpath.py``, sits
inside kit's trust boundary and the request's transaction (kit.asgi.add_innermost_middleware),
so the caller is vouched for and the session is the request's, exactly as for the route. It
answers the common case only: a partner app's ``application/json`` body that the route's own
model accepts, read and validated as FastAPI reads and validates it (``json.loads``, then the
model on the result), answered with the route's own answer (routes/queries.py ``query_answer``),
its problems rendered by kit.problems as the exception handlers would, and the route recorded
for metrics and logs. Anything else (a body the model refuses, whose 422 FastAPI words; another
role's 403; another content type; another path or method) goes on to FastAPI, the body handed
on as it came.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from kit import fastpath
from kit.app import AppContext
from kit.principal import Principal, role_allowed
from services.loan_match.routes.queries import query_answer, router
from services.loan_match.schemas.queries import QueryIn
from services.loan_match.service.matching import Matcher

PATH = router.prefix + "/queries"
ROLES = ("partner_app",)  # routes/roles.py PartnerApp, the route's caller
# The one content type taken here; any other (with parameters, +json, none) is FastAPI's to read.
JSON = b"application/json"


class MatchQueryFastPath(fastpath.FastPath):
    def applies_to(self, scope: Scope) -> bool:
        # With a root path the router matches the path without it: left to the router.
        return scope["method"] == "POST" and scope["path"] == PATH and not scope.get("root_path")

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        principal: Principal | None = scope["state"].get("principal")
        if principal is None or not role_allowed(principal.role, ROLES, "POST") or not _json(scope):
            await self.app(scope, receive, send)  # FastAPI answers it: its 401, 403 or 422
            return
        db, matcher = scope["state"]["db"], _matcher(scope)
        await self.serve_body(
            scope, receive, send, QueryIn, lambda body: query_answer(db, matcher, principal, body)
        )


def _json(scope: Scope) -> bool:
    """One ``Content-Type`` header, exactly ``application/json``."""
    types = [value for name, value in scope["headers"] if name == b"content-type"]
    return types == [JSON]


def _matcher(scope: Scope) -> Matcher:
    app = scope["app"]
    ctx: AppContext = app.state.ctx
    return Matcher(ctx.internal, app.state.catalogue)  # routes/common.py _matcher


def install(app: FastAPI) -> None:
    """Serve match queries past FastAPI in ``app`` (before it starts); the route recorded for
    metrics and logs is the one FastAPI records (``scope["route"]``), the router's own."""
    fastpath.install(app, MatchQueryFastPath, router, PATH, "POST")
