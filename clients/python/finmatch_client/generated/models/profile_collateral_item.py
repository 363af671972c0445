from typing import Literal

ProfileCollateralItem = Literal[
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
]

PROFILE_COLLATERAL_ITEM_VALUES: set[ProfileCollateralItem] = {
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
}


def check_profile_collateral_item(value: str) -> ProfileCollateralItem:
    if value in PROFILE_COLLATERAL_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PROFILE_COLLATERAL_ITEM_VALUES!r}"
    )
