from typing import Literal

ConsentOutStatus = Literal["active", "expired", "revoked"]

CONSENT_OUT_STATUS_VALUES: set[ConsentOutStatus] = {
    "active",
    "expired",
    "revoked",
}


def check_consent_out_status(value: str) -> ConsentOutStatus:
    if value in CONSENT_OUT_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CONSENT_OUT_STATUS_VALUES!r}"
    )
