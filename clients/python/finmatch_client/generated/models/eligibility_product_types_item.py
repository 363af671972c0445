from typing import Literal

EligibilityProductTypesItem = Literal[
    "collateral", "entrepreneurship", "guaranteed", "pure_credit"
]

ELIGIBILITY_PRODUCT_TYPES_ITEM_VALUES: set[EligibilityProductTypesItem] = {
    "collateral",
    "entrepreneurship",
    "guaranteed",
    "pure_credit",
}


def check_eligibility_product_types_item(value: str) -> EligibilityProductTypesItem:
    if value in ELIGIBILITY_PRODUCT_TYPES_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ELIGIBILITY_PRODUCT_TYPES_ITEM_VALUES!r}"
    )
