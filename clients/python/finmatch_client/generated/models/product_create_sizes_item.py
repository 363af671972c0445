from typing import Literal

ProductCreateSizesItem = Literal["medium", "micro", "small"]

PRODUCT_CREATE_SIZES_ITEM_VALUES: set[ProductCreateSizesItem] = {
    "medium",
    "micro",
    "small",
}


def check_product_create_sizes_item(value: str) -> ProductCreateSizesItem:
    if value in PRODUCT_CREATE_SIZES_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_CREATE_SIZES_ITEM_VALUES!r}"
    )
