from typing import Literal

ListExposuresStatusType0 = Literal["active", "compensated", "repaid"]

LIST_EXPOSURES_STATUS_TYPE_0_VALUES: set[ListExposuresStatusType0] = {
    "active",
    "compensated",
    "repaid",
}


def check_list_exposures_status_type_0(value: str) -> ListExposuresStatusType0:
    if value in LIST_EXPOSURES_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_EXPOSURES_STATUS_TYPE_0_VALUES!r}"
    )
