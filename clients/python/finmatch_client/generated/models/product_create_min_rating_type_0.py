from typing import Literal

ProductCreateMinRatingType0 = Literal["A", "B", "M"]

PRODUCT_CREATE_MIN_RATING_TYPE_0_VALUES: set[ProductCreateMinRatingType0] = {
    "A",
    "B",
    "M",
}


def check_product_create_min_rating_type_0(value: str) -> ProductCreateMinRatingType0:
    if value in PRODUCT_CREATE_MIN_RATING_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_CREATE_MIN_RATING_TYPE_0_VALUES!r}"
    )
