from typing import Literal

InstitutionCreateTier = Literal["local", "national_fund", "provincial"]

INSTITUTION_CREATE_TIER_VALUES: set[InstitutionCreateTier] = {
    "local",
    "national_fund",
    "provincial",
}


def check_institution_create_tier(value: str) -> InstitutionCreateTier:
    if value in INSTITUTION_CREATE_TIER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INSTITUTION_CREATE_TIER_VALUES!r}"
    )
