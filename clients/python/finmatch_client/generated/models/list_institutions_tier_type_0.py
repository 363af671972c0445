from typing import Literal

ListInstitutionsTierType0 = Literal["local", "national_fund", "provincial"]

LIST_INSTITUTIONS_TIER_TYPE_0_VALUES: set[ListInstitutionsTierType0] = {
    "local",
    "national_fund",
    "provincial",
}


def check_list_institutions_tier_type_0(value: str) -> ListInstitutionsTierType0:
    if value in LIST_INSTITUTIONS_TIER_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_INSTITUTIONS_TIER_TYPE_0_VALUES!r}"
    )
