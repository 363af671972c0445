from typing import Literal

AuthorisationOutStatus = Literal["active", "expired", "revoked"]

AUTHORISATION_OUT_STATUS_VALUES: set[AuthorisationOutStatus] = {
    "active",
    "expired",
    "revoked",
}


def check_authorisation_out_status(value: str) -> AuthorisationOutStatus:
    if value in AUTHORISATION_OUT_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AUTHORISATION_OUT_STATUS_VALUES!r}"
    )
