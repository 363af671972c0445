from typing import Literal

ExposureStatus = Literal["active", "compensated", "repaid"]

EXPOSURE_STATUS_VALUES: set[ExposureStatus] = {
    "active",
    "compensated",
    "repaid",
}


def check_exposure_status(value: str) -> ExposureStatus:
    if value in EXPOSURE_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXPOSURE_STATUS_VALUES!r}"
    )
