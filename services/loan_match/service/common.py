"""What several use cases share: the caller, refusing a request field, ids in paths, keyset
positions and the values a row and its answer share by name."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from kit.errors import NotFound, RuleViolation

VALIDATION_ERROR = "validation-error"
VALIDATION_TITLE = "Request is not valid"
T = TypeVar("T")


@dataclass(frozen=True)
class Caller:
    """Who calls a use case: an organisation, in its role."""

    org_id: str
    role: str


def invalid(loc: Sequence[str | int], msg: str) -> RuleViolation:
    """A 422 for the body member at ``loc``, shaped as the framework's own validation problems."""
    where = ".".join(str(part) for part in loc)
    detail = f"{where}: {msg}"
    if len(loc) == 1 and isinstance(loc[0], str):
        return RuleViolation(
            detail, slug=VALIDATION_ERROR, title=VALIDATION_TITLE, field=loc[0], field_msg=msg
        )
    # Deeper than one member (a list element): kit's field= names whole members only.
    errors = [{"loc": ["body", *loc], "msg": msg}]
    return RuleViolation(detail, slug=VALIDATION_ERROR, title=VALIDATION_TITLE, errors=errors)


def known_id(value: str, what: str) -> str:
    """``value`` as a canonical UUID: an id that cannot exist names nothing (404, not 422)."""
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise NotFound(what) from exc


def dedupe(values: Sequence[T]) -> list[T]:
    """The values in their first order, each once."""
    return list(dict.fromkeys(values))


class Listed(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def created_at(self) -> datetime: ...


def position(row: Listed) -> dict[str, Any]:
    """A row's keyset position in a list: what its page's cursor encodes."""
    return {"created_at": row.created_at.isoformat(), "id": row.id}


def same_named(source: object, names: Iterable[str]) -> dict[str, Any]:
    """The values ``source`` carries under ``names`` (those it has): what a row and its answer
    share unchanged, by name; the caller converts or computes the rest."""
    return {name: getattr(source, name) for name in names if hasattr(source, name)}
