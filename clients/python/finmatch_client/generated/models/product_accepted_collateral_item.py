from typing import Literal

ProductAcceptedCollateralItem = Literal[
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
]

PRODUCT_ACCEPTED_COLLATERAL_ITEM_VALUES: set[ProductAcceptedCollateralItem] = {
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
}


def check_product_accepted_collateral_item(value: str) -> ProductAcceptedCollateralItem:
    if value in PRODUCT_ACCEPTED_COLLATERAL_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_ACCEPTED_COLLATERAL_ITEM_VALUES!r}"
    )
