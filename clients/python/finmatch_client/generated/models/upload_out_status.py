from typing import Literal

UploadOutStatus = Literal["failed", "finished", "running"]

UPLOAD_OUT_STATUS_VALUES: set[UploadOutStatus] = {
    "failed",
    "finished",
    "running",
}


def check_upload_out_status(value: str) -> UploadOutStatus:
    if value in UPLOAD_OUT_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {UPLOAD_OUT_STATUS_VALUES!r}"
    )
