from typing import Literal

EligibilityCollateralItem = Literal[
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
]

ELIGIBILITY_COLLATERAL_ITEM_VALUES: set[EligibilityCollateralItem] = {
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
}


def check_eligibility_collateral_item(value: str) -> EligibilityCollateralItem:
    if value in ELIGIBILITY_COLLATERAL_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ELIGIBILITY_COLLATERAL_ITEM_VALUES!r}"
    )
