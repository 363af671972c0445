"""``X-Request-ID``: accept or generate, echo, and carry into logs and downstream calls."""

from __future__ import annotations

import contextvars
import os
import re

HEADER = "X-Request-ID"
_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
# Zalando #233: an id is up to 128 characters of a safe alphabet; anything else is replaced.
_VALID = re.compile(r"^[A-Za-z0-9._:/+=-]{1,128}$")


def current_request_id() -> str | None:
    return _request_id.get()


def accept_or_generate(raw: str | None) -> str:
    if raw and _VALID.match(raw):
        return raw
    return new_request_id()


# The bits uuid.UUID(version=4) sets: the RFC 4122 variant and the version number.
_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))
_SET = (0x8000 << 48) | (4 << 76)


def new_request_id() -> str:
    """``uuid.uuid4().hex`` (32 hex digits, a random version-4 UUID) without building the UUID
    object: every request that brings no id of its own makes one."""
    return f"{int.from_bytes(os.urandom(16), 'big') & _CLEAR | _SET:032x}"
