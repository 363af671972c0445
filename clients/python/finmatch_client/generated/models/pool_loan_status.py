from typing import Literal

PoolLoanStatus = Literal["active", "defaulted", "overdue"]

POOL_LOAN_STATUS_VALUES: set[PoolLoanStatus] = {
    "active",
    "defaulted",
    "overdue",
}


def check_pool_loan_status(value: str) -> PoolLoanStatus:
    if value in POOL_LOAN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {POOL_LOAN_STATUS_VALUES!r}"
    )
