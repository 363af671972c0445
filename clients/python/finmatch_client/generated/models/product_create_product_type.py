from typing import Literal

ProductCreateProductType = Literal[
    "collateral", "entrepreneurship", "guaranteed", "pure_credit"
]

PRODUCT_CREATE_PRODUCT_TYPE_VALUES: set[ProductCreateProductType] = {
    "collateral",
    "entrepreneurship",
    "guaranteed",
    "pure_credit",
}


def check_product_create_product_type(value: str) -> ProductCreateProductType:
    if value in PRODUCT_CREATE_PRODUCT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_CREATE_PRODUCT_TYPE_VALUES!r}"
    )
