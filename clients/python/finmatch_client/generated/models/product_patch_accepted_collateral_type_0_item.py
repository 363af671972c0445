from typing import Literal

ProductPatchAcceptedCollateralType0Item = Literal[
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
]

PRODUCT_PATCH_ACCEPTED_COLLATERAL_TYPE_0_ITEM_VALUES: set[
    ProductPatchAcceptedCollateralType0Item
] = {
    "equipment",
    "equity",
    "inventory",
    "ip",
    "real_estate",
    "receivables",
    "warehouse_receipt",
}


def check_product_patch_accepted_collateral_type_0_item(
    value: str,
) -> ProductPatchAcceptedCollateralType0Item:
    if value in PRODUCT_PATCH_ACCEPTED_COLLATERAL_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_PATCH_ACCEPTED_COLLATERAL_TYPE_0_ITEM_VALUES!r}"
    )
