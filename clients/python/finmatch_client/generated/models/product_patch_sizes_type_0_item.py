from typing import Literal

ProductPatchSizesType0Item = Literal["medium", "micro", "small"]

PRODUCT_PATCH_SIZES_TYPE_0_ITEM_VALUES: set[ProductPatchSizesType0Item] = {
    "medium",
    "micro",
    "small",
}


def check_product_patch_sizes_type_0_item(value: str) -> ProductPatchSizesType0Item:
    if value in PRODUCT_PATCH_SIZES_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_PATCH_SIZES_TYPE_0_ITEM_VALUES!r}"
    )
