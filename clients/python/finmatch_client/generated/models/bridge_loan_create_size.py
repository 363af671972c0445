from typing import Literal

BridgeLoanCreateSize = Literal["large", "medium", "micro", "small"]

BRIDGE_LOAN_CREATE_SIZE_VALUES: set[BridgeLoanCreateSize] = {
    "large",
    "medium",
    "micro",
    "small",
}


def check_bridge_loan_create_size(value: str) -> BridgeLoanCreateSize:
    if value in BRIDGE_LOAN_CREATE_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BRIDGE_LOAN_CREATE_SIZE_VALUES!r}"
    )
