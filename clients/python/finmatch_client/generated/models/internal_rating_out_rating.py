from typing import Literal

InternalRatingOutRating = Literal["A", "B", "C", "D", "M"]

INTERNAL_RATING_OUT_RATING_VALUES: set[InternalRatingOutRating] = {
    "A",
    "B",
    "C",
    "D",
    "M",
}


def check_internal_rating_out_rating(value: str) -> InternalRatingOutRating:
    if value in INTERNAL_RATING_OUT_RATING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INTERNAL_RATING_OUT_RATING_VALUES!r}"
    )
