from typing import Literal

OutcomeInCreditType = Literal["collateral", "guaranteed", "pure_credit"]

OUTCOME_IN_CREDIT_TYPE_VALUES: set[OutcomeInCreditType] = {
    "collateral",
    "guaranteed",
    "pure_credit",
}


def check_outcome_in_credit_type(value: str) -> OutcomeInCreditType:
    if value in OUTCOME_IN_CREDIT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OUTCOME_IN_CREDIT_TYPE_VALUES!r}"
    )
