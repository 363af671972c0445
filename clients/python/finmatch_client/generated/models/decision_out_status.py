from typing import Literal

DecisionOutStatus = Literal["approved", "filed", "refused"]

DECISION_OUT_STATUS_VALUES: set[DecisionOutStatus] = {
    "approved",
    "filed",
    "refused",
}


def check_decision_out_status(value: str) -> DecisionOutStatus:
    if value in DECISION_OUT_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DECISION_OUT_STATUS_VALUES!r}"
    )
