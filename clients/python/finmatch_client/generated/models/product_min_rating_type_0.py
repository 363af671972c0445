from typing import Literal

ProductMinRatingType0 = Literal["A", "B", "M"]

PRODUCT_MIN_RATING_TYPE_0_VALUES: set[ProductMinRatingType0] = {
    "A",
    "B",
    "M",
}


def check_product_min_rating_type_0(value: str) -> ProductMinRatingType0:
    if value in PRODUCT_MIN_RATING_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_MIN_RATING_TYPE_0_VALUES!r}"
    )
