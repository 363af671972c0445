"""Entity tags (CONTRACT §1 "Concurrency"; RFC 9110 §8.8.3, §13.1.1).

Every GET of a single object sends a strong ``ETag``: a hash of the JSON answer, so it changes
whenever anything the caller sees changes. Every PATCH honours ``If-Match``: the use case locks
the object, shapes it as a GET would, and refuses with 412 ``precondition-failed`` when none of
the tags offered is the current one (``*`` matches any object that exists; a weak tag never
matches, If-Match comparing strongly). Without ``If-Match`` a PATCH applies.
"""

from __future__ import annotations

import hashlib
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, TypeAdapter

from kit.errors import PreconditionFailed


def body_of(answer: Any) -> bytes:
    """The JSON of an answer (a pydantic model or a dataclass): what its tag is the hash of."""
    if isinstance(answer, BaseModel):
        return answer.model_dump_json().encode()
    return TypeAdapter(type(answer)).dump_json(answer)


def etag_of(answer: Any) -> str:
    return tag_of(body_of(answer))


def tag_of(body: bytes) -> str:
    """The tag of an answer already serialised (the exact bytes sent)."""
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


T = TypeVar("T")


class Headers(Protocol):
    """Response headers (Starlette's ``MutableHeaders``), without importing the framework."""

    def __setitem__(self, key: str, value: str) -> None: ...


def tag(headers: Headers, answer: T) -> T:
    """``answer``, its ETag set in ``headers`` (a route's ``response.headers``)."""
    headers["ETag"] = etag_of(answer)
    return answer


def matches(if_match: str, etag: str) -> bool:
    offered = [tag.strip() for tag in if_match.split(",")]
    return "*" in offered or etag in offered


def require_match(if_match: str | None, current: Any) -> None:
    """Refuse (412) a change made against another version of the object than ``current``."""
    if if_match is None:
        return
    etag = etag_of(current)
    if not matches(if_match, etag):
        raise PreconditionFailed(
            "The object changed since you read it (If-Match does not match its ETag): read it again, "
            "then apply your change to what it is now.",
            etag=etag,
        )
