from typing import Literal

UploadRatingsJsonRatingsUploadRatingItemRating = Literal["A", "B", "C", "D", "M"]

UPLOAD_RATINGS_JSON_RATINGS_UPLOAD_RATING_ITEM_RATING_VALUES: set[
    UploadRatingsJsonRatingsUploadRatingItemRating
] = {
    "A",
    "B",
    "C",
    "D",
    "M",
}


def check_upload_ratings_json_ratings_upload_rating_item_rating(
    value: str,
) -> UploadRatingsJsonRatingsUploadRatingItemRating:
    if value in UPLOAD_RATINGS_JSON_RATINGS_UPLOAD_RATING_ITEM_RATING_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {UPLOAD_RATINGS_JSON_RATINGS_UPLOAD_RATING_ITEM_RATING_VALUES!r}"
    )
