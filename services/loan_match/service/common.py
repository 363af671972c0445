"""What several use cases share: the caller, refusing a request field, ids in paths, keyset
positions, values copied by name, and the snapshot day and CSV rows of the figures."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from kit.csv import breakdown_rows
from kit.errors import NotFound, RuleViolation
from kit.period import Period
from kit.shapes import business_today

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


def snapshot_day(chosen: Period) -> tuple[date, datetime]:
    """The day the figures' snapshots are taken (``to``, today at the latest) and the instant it ends."""
    as_of = chosen.as_of(business_today())
    _, end = Period(as_of, as_of).bounds()
    assert end is not None
    return as_of, end


def figure_heading(chosen: Period, as_of: date, region_code: str | None) -> dict[str, Any]:
    """The members every figures answer starts with: its period, snapshot day and 市州."""
    return {"from_": chosen.start, "to": chosen.end, "as_of": as_of, "region_code": region_code}


def figure_rows(figures: BaseModel, breakdowns: Mapping[str, str]) -> list[dict[str, Any]]:
    """The CSV rows of a figures answer: the overall row, then one per entry of each breakdown."""
    body = figures.model_dump(by_alias=True, mode="json")
    heading = {key: body.pop(key) for key in ("from", "to", "as_of", "region_code")}
    return breakdown_rows(body, breakdowns, heading)
