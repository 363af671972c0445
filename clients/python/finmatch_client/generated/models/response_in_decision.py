from typing import Literal

ResponseInDecision = Literal["accepted", "declined", "need_info"]

RESPONSE_IN_DECISION_VALUES: set[ResponseInDecision] = {
    "accepted",
    "declined",
    "need_info",
}


def check_response_in_decision(value: str) -> ResponseInDecision:
    if value in RESPONSE_IN_DECISION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RESPONSE_IN_DECISION_VALUES!r}"
    )
