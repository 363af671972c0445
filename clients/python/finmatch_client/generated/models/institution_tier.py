from typing import Literal

InstitutionTier = Literal["local", "national_fund", "provincial"]

INSTITUTION_TIER_VALUES: set[InstitutionTier] = {
    "local",
    "national_fund",
    "provincial",
}


def check_institution_tier(value: str) -> InstitutionTier:
    if value in INSTITUTION_TIER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INSTITUTION_TIER_VALUES!r}"
    )
