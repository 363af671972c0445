from typing import Literal

ProductCreateAcceptedCollateralItem = Literal[
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
]

PRODUCT_CREATE_ACCEPTED_COLLATERAL_ITEM_VALUES: set[
    ProductCreateAcceptedCollateralItem
] = {
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
}


def check_product_create_accepted_collateral_item(
    value: str,
) -> ProductCreateAcceptedCollateralItem:
    if value in PRODUCT_CREATE_ACCEPTED_COLLATERAL_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_CREATE_ACCEPTED_COLLATERAL_ITEM_VALUES!r}"
    )
