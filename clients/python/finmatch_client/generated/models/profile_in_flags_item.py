from typing import Literal

ProfileInFlagsItem = Literal["agri_leading", "high_tech", "specialized_sme"]

PROFILE_IN_FLAGS_ITEM_VALUES: set[ProfileInFlagsItem] = {
    "agri_leading",
    "high_tech",
    "specialized_sme",
}


def check_profile_in_flags_item(value: str) -> ProfileInFlagsItem:
    if value in PROFILE_IN_FLAGS_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PROFILE_IN_FLAGS_ITEM_VALUES!r}"
    )
