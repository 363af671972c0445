from typing import Literal

ProductPatchMinRatingType0 = Literal["A", "B", "M"]

PRODUCT_PATCH_MIN_RATING_TYPE_0_VALUES: set[ProductPatchMinRatingType0] = {
    "A",
    "B",
    "M",
}


def check_product_patch_min_rating_type_0(value: str) -> ProductPatchMinRatingType0:
    if value in PRODUCT_PATCH_MIN_RATING_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_PATCH_MIN_RATING_TYPE_0_VALUES!r}"
    )
