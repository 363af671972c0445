from typing import Literal

ProductProductType = Literal[
    "collateral", "entrepreneurship", "guaranteed", "pure_credit"
]

PRODUCT_PRODUCT_TYPE_VALUES: set[ProductProductType] = {
    "collateral",
    "entrepreneurship",
    "guaranteed",
    "pure_credit",
}


def check_product_product_type(value: str) -> ProductProductType:
    if value in PRODUCT_PRODUCT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_PRODUCT_TYPE_VALUES!r}"
    )
