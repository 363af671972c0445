"""What the matching and the subsidy figures share (CONTRACT §1 "Statistics"): the snapshot day,
the members every figures answer starts with, and its CSV rows."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from kit.csv import breakdown_rows
from kit.period import Period
from kit.shapes import business_today


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
