from typing import Literal

ListExposuresV1GuaranteeExposuresGetStatusType0 = Literal[
    "active", "compensated", "repaid"
]

LIST_EXPOSURES_V1_GUARANTEE_EXPOSURES_GET_STATUS_TYPE_0_VALUES: set[
    ListExposuresV1GuaranteeExposuresGetStatusType0
] = {
    "active",
    "compensated",
    "repaid",
}


def check_list_exposures_v1_guarantee_exposures_get_status_type_0(
    value: str,
) -> ListExposuresV1GuaranteeExposuresGetStatusType0:
    if value in LIST_EXPOSURES_V1_GUARANTEE_EXPOSURES_GET_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_EXPOSURES_V1_GUARANTEE_EXPOSURES_GET_STATUS_TYPE_0_VALUES!r}"
    )
