from typing import Literal

BlacklistOutStatus = Literal["active", "ended"]

BLACKLIST_OUT_STATUS_VALUES: set[BlacklistOutStatus] = {
    "active",
    "ended",
}


def check_blacklist_out_status(value: str) -> BlacklistOutStatus:
    if value in BLACKLIST_OUT_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BLACKLIST_OUT_STATUS_VALUES!r}"
    )
