from typing import Literal

EventOutType = Literal["credit.rating.published", "credit.rating.withdrawn"]

EVENT_OUT_TYPE_VALUES: set[EventOutType] = {
    "credit.rating.published",
    "credit.rating.withdrawn",
}


def check_event_out_type(value: str) -> EventOutType:
    if value in EVENT_OUT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EVENT_OUT_TYPE_VALUES!r}"
    )
