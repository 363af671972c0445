from typing import Literal

ProductSizesItem = Literal["medium", "micro", "small"]

PRODUCT_SIZES_ITEM_VALUES: set[ProductSizesItem] = {
    "medium",
    "micro",
    "small",
}


def check_product_sizes_item(value: str) -> ProductSizesItem:
    if value in PRODUCT_SIZES_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_SIZES_ITEM_VALUES!r}"
    )
