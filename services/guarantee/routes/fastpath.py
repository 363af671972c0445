"""``POST /v1/guarantee/exposures`` past FastAPI's router, dependency solver and body reader.

Registration is the busiest write (`exposure_per_s_eight_guarantors`, bench/README.md). Through
FastAPI it went past every guarantee route (matched one by one), the dependency solver (the
idempotency guard, the role check, the session, the repository, the body) and the request and
response wrappers. This middleware sits inside kit's trust boundary and the request's transaction
(kit.asgi.add_innermost_middleware), so the caller is vouched for and the session is the
request's, exactly as for the route. It answers the common case only: a guarantor's JSON body
without an Idempotency-Key that the route's own model accepts, read and validated as FastAPI
reads and validates it (``json.loads``, then the model on the result), answered with the route's
own answer (routes/exposures.py ``registration_answer``), its problems rendered by kit.problems
as the exception handlers would, and the route recorded for metrics and logs. Anything else (a
body the model refuses, whose 422 FastAPI words; another role's 403; an Idempotency-Key; another
content type; another path or method) goes on to FastAPI, the body handed on as it came.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from kit import fastpath
from kit.principal import Principal, role_allowed
from services.guarantee.repository import Repository
from services.guarantee.routes.common import GUARANTORS
from services.guarantee.routes.exposures import registration_answer, router
from services.guarantee.schemas.exposures import ExposureCreate

PATH = router.prefix + "/exposures"
# The one content type taken here; any other (with parameters, +json, none) is FastAPI's to read.
JSON = b"application/json"


class ExposureRegistrationFastPath(fastpath.FastPath):
    def applies_to(self, scope: Scope) -> bool:
        # With a root path the router matches the path without it: left to the router.
        return scope["method"] == "POST" and scope["path"] == PATH and not scope.get("root_path")

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        principal: Principal | None = scope["state"].get("principal")
        if principal is None or not role_allowed(principal.role, GUARANTORS, "POST") or not _plain(scope):
            await self.app(scope, receive, send)  # FastAPI answers it: its 403, its idempotency
            return
        repo = Repository(scope["state"]["db"])
        await self.serve_body(
            scope, receive, send, ExposureCreate, lambda body: registration_answer(repo, principal, body)
        )


def _plain(scope: Scope) -> bool:
    """A JSON body without an Idempotency-Key (whose guard, replay and 409 FastAPI's route runs)."""
    content_type = None
    for name, value in scope["headers"]:
        if name == b"idempotency-key":
            return False
        if name == b"content-type":
            if content_type is not None:
                return False  # two of them: which one a reader takes is FastAPI's business
            content_type = value
    return content_type == JSON


def install(app: FastAPI) -> None:
    """Serve registration past FastAPI in ``app`` (before it starts); the route recorded for
    metrics and logs is the one FastAPI records (``scope["route"]``), the router's own."""
    fastpath.install(app, ExposureRegistrationFastPath, router, PATH, "POST")
