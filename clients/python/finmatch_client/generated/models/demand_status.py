from typing import Literal

DemandStatus = Literal["accepted", "open", "responded", "unmatched"]

DEMAND_STATUS_VALUES: set[DemandStatus] = {
    "accepted",
    "open",
    "responded",
    "unmatched",
}


def check_demand_status(value: str) -> DemandStatus:
    if value in DEMAND_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DEMAND_STATUS_VALUES!r}"
    )
