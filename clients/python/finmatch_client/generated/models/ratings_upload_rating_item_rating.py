from typing import Literal

RatingsUploadRatingItemRating = Literal["A", "B", "C", "D", "M"]

RATINGS_UPLOAD_RATING_ITEM_RATING_VALUES: set[RatingsUploadRatingItemRating] = {
    "A",
    "B",
    "C",
    "D",
    "M",
}


def check_ratings_upload_rating_item_rating(
    value: str,
) -> RatingsUploadRatingItemRating:
    if value in RATINGS_UPLOAD_RATING_ITEM_RATING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RATINGS_UPLOAD_RATING_ITEM_RATING_VALUES!r}"
    )
