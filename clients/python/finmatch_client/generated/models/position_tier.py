from typing import Literal

PositionTier = Literal["local", "national_fund", "provincial"]

POSITION_TIER_VALUES: set[PositionTier] = {
    "local",
    "national_fund",
    "provincial",
}


def check_position_tier(value: str) -> PositionTier:
    if value in POSITION_TIER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {POSITION_TIER_VALUES!r}"
    )
