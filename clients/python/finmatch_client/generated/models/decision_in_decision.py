from typing import Literal

DecisionInDecision = Literal["approved", "refused"]

DECISION_IN_DECISION_VALUES: set[DecisionInDecision] = {
    "approved",
    "refused",
}


def check_decision_in_decision(value: str) -> DecisionInDecision:
    if value in DECISION_IN_DECISION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DECISION_IN_DECISION_VALUES!r}"
    )
