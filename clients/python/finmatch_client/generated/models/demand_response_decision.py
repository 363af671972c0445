from typing import Literal

DemandResponseDecision = Literal["accepted", "declined", "need_info"]

DEMAND_RESPONSE_DECISION_VALUES: set[DemandResponseDecision] = {
    "accepted",
    "declined",
    "need_info",
}


def check_demand_response_decision(value: str) -> DemandResponseDecision:
    if value in DEMAND_RESPONSE_DECISION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DEMAND_RESPONSE_DECISION_VALUES!r}"
    )
