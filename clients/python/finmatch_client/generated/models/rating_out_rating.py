from typing import Literal

RatingOutRating = Literal["A", "B", "C", "D", "M"]

RATING_OUT_RATING_VALUES: set[RatingOutRating] = {
    "A",
    "B",
    "C",
    "D",
    "M",
}


def check_rating_out_rating(value: str) -> RatingOutRating:
    if value in RATING_OUT_RATING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RATING_OUT_RATING_VALUES!r}"
    )
