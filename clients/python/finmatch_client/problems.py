"""The platform's RFC 9457 problems as one typed exception (CONTRACT §1, Errors).

Every answer of 400 or more is raised as :class:`ProblemError`, from the hand-written helpers and
from the generated operations alike (an httpx response hook), so a caller never has to tell a
``Problem`` return value from a success.
"""

from __future__ import annotations

from typing import Any

import httpx

STANDARD_MEMBERS = frozenset({"type", "title", "status", "detail", "request_id", "errors"})


class ProblemError(Exception):
    """An ``application/problem+json`` answer: ``slug`` is the stable last part of ``type``.

    ``extra`` holds the members a problem adds (``limit_fen``, ``current_fen``...), ``errors`` the
    ``[{loc, msg}]`` of a validation problem, ``retry_after_s`` the ``Retry-After`` header if any.
    """

    def __init__(
        self,
        *,
        type: str,
        title: str,
        status: int,
        detail: str = "",
        request_id: str | None = None,
        errors: list[dict[str, Any]] | None = None,
        extra: dict[str, Any] | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(f"{status} {title}: {detail}" if detail else f"{status} {title}")
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.request_id = request_id
        self.errors = errors or []
        self.extra = extra or {}
        self.retry_after_s = retry_after_s

    @property
    def slug(self) -> str:
        """``leverage-limit-exceeded`` for ``https://.../problems/leverage-limit-exceeded``."""
        return self.type.rstrip("/").rsplit("/", 1)[-1]

    @classmethod
    def from_response(cls, response: httpx.Response) -> ProblemError:
        """The problem a (read) error response carries; a body that is no problem still gives one."""
        body = _json_object(response)
        request_id = body.get("request_id") or response.headers.get("x-request-id")
        return cls(
            type=str(body.get("type") or "about:blank"),
            title=str(body.get("title") or response.reason_phrase),
            status=int(body.get("status") or response.status_code),
            detail=str(body.get("detail") or ("" if body else response.text[:500])),
            request_id=str(request_id) if request_id else None,
            errors=list(body.get("errors") or []),
            extra={k: v for k, v in body.items() if k not in STANDARD_MEMBERS},
            retry_after_s=_seconds(response.headers.get("retry-after")),
        )


def _json_object(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _seconds(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:  # an HTTP date: the retry layer honours it, the exception just omits it
        return None


def raise_for_problem(response: httpx.Response) -> None:
    """httpx response hook (sync client): raise the problem of any 4xx or 5xx answer."""
    if response.is_error:
        response.read()
        raise ProblemError.from_response(response)


async def araise_for_problem(response: httpx.Response) -> None:
    """httpx response hook (async client): raise the problem of any 4xx or 5xx answer."""
    if response.is_error:
        await response.aread()
        raise ProblemError.from_response(response)
