"""The working-day calendar of a year (CONTRACT §5 calendar)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from kit.shapes import StrictBody

Days = Annotated[list[date], Field(max_length=366)]


class CalendarIn(StrictBody):
    """A 国务院办公厅 holiday notice: the rest days and the make-up working days (调休) it sets."""

    holidays: Days
    workdays: Days = Field(default_factory=list)


class Calendar(BaseModel):
    """The calendar in force for a year: ``holidays`` are weekday rest days, ``workdays``
    weekend days worked."""

    year: int
    source: Literal["loaded", "library", "statutory"]
    holidays: list[date]
    workdays: list[date]
