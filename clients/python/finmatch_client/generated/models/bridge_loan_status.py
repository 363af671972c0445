from typing import Literal

BridgeLoanStatus = Literal["active", "overdue", "repaid"]

BRIDGE_LOAN_STATUS_VALUES: set[BridgeLoanStatus] = {
    "active",
    "overdue",
    "repaid",
}


def check_bridge_loan_status(value: str) -> BridgeLoanStatus:
    if value in BRIDGE_LOAN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BRIDGE_LOAN_STATUS_VALUES!r}"
    )
