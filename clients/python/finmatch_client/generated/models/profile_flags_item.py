from typing import Literal

ProfileFlagsItem = Literal["agri_leading", "high_tech", "specialized_sme"]

PROFILE_FLAGS_ITEM_VALUES: set[ProfileFlagsItem] = {
    "agri_leading",
    "high_tech",
    "specialized_sme",
}


def check_profile_flags_item(value: str) -> ProfileFlagsItem:
    if value in PROFILE_FLAGS_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PROFILE_FLAGS_ITEM_VALUES!r}"
    )
