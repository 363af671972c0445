"""``X-Request-ID``: accept or generate, echo, and carry into logs and downstream calls."""

from __future__ import annotations

import contextvars
import re
import uuid

HEADER = "X-Request-ID"
_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
# Zalando #233: an id is up to 128 characters of a safe alphabet; anything else is replaced.
_VALID = re.compile(r"^[A-Za-z0-9._:/+=-]{1,128}$")


def current_request_id() -> str | None:
    return _request_id.get()


def accept_or_generate(raw: str | None) -> str:
    if raw and _VALID.match(raw):
        return raw
    return uuid.uuid4().hex
