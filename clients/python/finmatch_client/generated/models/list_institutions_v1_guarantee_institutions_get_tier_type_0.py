from typing import Literal

ListInstitutionsV1GuaranteeInstitutionsGetTierType0 = Literal[
    "local", "national_fund", "provincial"
]

LIST_INSTITUTIONS_V1_GUARANTEE_INSTITUTIONS_GET_TIER_TYPE_0_VALUES: set[
    ListInstitutionsV1GuaranteeInstitutionsGetTierType0
] = {
    "local",
    "national_fund",
    "provincial",
}


def check_list_institutions_v1_guarantee_institutions_get_tier_type_0(
    value: str,
) -> ListInstitutionsV1GuaranteeInstitutionsGetTierType0:
    if value in LIST_INSTITUTIONS_V1_GUARANTEE_INSTITUTIONS_GET_TIER_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_INSTITUTIONS_V1_GUARANTEE_INSTITUTIONS_GET_TIER_TYPE_0_VALUES!r}"
    )
