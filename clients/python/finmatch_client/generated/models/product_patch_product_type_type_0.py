from typing import Literal

ProductPatchProductTypeType0 = Literal[
    "collateral", "entrepreneurship", "guaranteed", "pure_credit"
]

PRODUCT_PATCH_PRODUCT_TYPE_TYPE_0_VALUES: set[ProductPatchProductTypeType0] = {
    "collateral",
    "entrepreneurship",
    "guaranteed",
    "pure_credit",
}


def check_product_patch_product_type_type_0(value: str) -> ProductPatchProductTypeType0:
    if value in PRODUCT_PATCH_PRODUCT_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_PATCH_PRODUCT_TYPE_TYPE_0_VALUES!r}"
    )
