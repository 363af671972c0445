from typing import Literal

ProfileInCollateralItem = Literal[
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
]

PROFILE_IN_COLLATERAL_ITEM_VALUES: set[ProfileInCollateralItem] = {
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
}


def check_profile_in_collateral_item(value: str) -> ProfileInCollateralItem:
    if value in PROFILE_IN_COLLATERAL_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PROFILE_IN_COLLATERAL_ITEM_VALUES!r}"
    )
