"""``GET /internal/credit/match-facts/{uscc}`` past FastAPI's router and dependency solver.

loan_match asks it once per match query (`match_ratio`, bench/README.md "matching"). Through
FastAPI it went past every credit_push route (matched one by one), the dependency solver (the
service check, the session, the USCC and ``for_org_id`` parameters) and the request/response
wrappers. This middleware, like routes/fastpath.py for the public rating read, sits inside kit's
trust boundary and the request's transaction (kit.asgi.add_innermost_middleware), so the caller
is vouched for and the session is the request's. It answers the one shape loan_match sends: a
valid USCC, loan_match's service principal and a query string of exactly ``for_org_id=<uuid>``
(the hyphenated form, which the route's UUID parameter reads the same way), with the route's own
answer (routes/ratings.py ``match_facts_answer``), its problems rendered by kit.problems as the
exception handlers would, and the route recorded for metrics and logs. Anything else (an invalid
USCC or id's 422, another caller's 403, another query, path or method) goes on to FastAPI.
"""

from __future__ import annotations

import re

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from kit import fastpath
from kit.principal import Principal
from services.credit_push.routes.fastpath import uscc_of
from services.credit_push.routes.ratings import internal_router, match_facts_answer

PATH = internal_router.prefix + "/match-facts/{uscc}"
PREFIX = PATH.removesuffix("{uscc}")
CALLER = "loan_match"  # routes/common.py LoanMatch
_HEX = rb"[0-9a-fA-F]"
_QUERY = re.compile(rb"for_org_id=(%s{8}-%s{4}-%s{4}-%s{4}-%s{12})" % ((_HEX,) * 5))


class MatchFactsFastPath(fastpath.FastPath):
    def applies_to(self, scope: Scope) -> bool:
        # HEAD arrives here as GET (kit.middleware answers it without the body).
        return scope["method"] == "GET" and str(scope["path"]).startswith(PREFIX)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        uscc = uscc_of(scope, PREFIX)
        found = _QUERY.fullmatch(scope.get("query_string", b""))
        principal: Principal | None = scope["state"].get("principal")
        if uscc is None or found is None or principal is None or not _loan_match(principal):
            await self.app(scope, receive, send)  # FastAPI answers it: its 422, 403, 404 or route
            return
        scope["route"] = self.route
        for_org_id = found.group(1).decode().lower()  # as str(uuid.UUID(...)) spells it
        answer = match_facts_answer(scope["state"]["db"], uscc, for_org_id)
        response = await fastpath.answered(scope, receive, answer)
        await response(scope, receive, send)


def _loan_match(principal: Principal) -> bool:
    """The caller the route's ``require_service("loan_match")`` admits."""
    return principal.is_service and principal.service == CALLER


def install(app: FastAPI) -> None:
    """Serve the match-facts read past FastAPI in ``app`` (before it starts)."""
    fastpath.install(app, MatchFactsFastPath, internal_router, PATH, "GET")
