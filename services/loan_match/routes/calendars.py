"""The working-day calendar, ``/v1/match/calendar/{year}`` (CONTRACT §5): admin loads a year's
holiday notice; every role reads the calendar in force."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from kit.deps import Session
from kit.etags import tag
from services.loan_match.routes.common import PREFIX
from services.loan_match.routes.roles import Admin, AnyRole
from services.loan_match.schemas import calendars as schemas
from services.loan_match.service import calendars

router = APIRouter(prefix=PREFIX, tags=["calendar"])

# Years the lunar and statutory rules are computed for (a notice is loaded a year ahead at most).
Year = Annotated[int, Path(ge=2000, le=2099, description="A calendar year.")]


@router.put("/calendar/{year}", operation_id="putCalendar", summary="Set a year's business-day calendar")
async def put_calendar(year: Year, body: schemas.CalendarIn, _: Admin, session: Session) -> schemas.Calendar:
    """Load the 国务院办公厅 holiday notice of a year: its rest days and make-up working days."""
    return await calendars.put(session, year, body)


@router.get("/calendar/{year}", operation_id="getCalendar", summary="Get a year's business-day calendar")
async def get_calendar(year: Year, _: AnyRole, session: Session, response: Response) -> schemas.Calendar:
    """The working-day calendar in force for a year, with its source (loaded, library, statutory)."""
    return tag(response.headers, await calendars.get(session, year))
