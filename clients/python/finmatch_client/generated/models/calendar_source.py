from typing import Literal

CalendarSource = Literal["library", "loaded", "statutory"]

CALENDAR_SOURCE_VALUES: set[CalendarSource] = {
    "library",
    "loaded",
    "statutory",
}


def check_calendar_source(value: str) -> CalendarSource:
    if value in CALENDAR_SOURCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CALENDAR_SOURCE_VALUES!r}"
    )
