from typing import Literal

UploadRatingsV1CreditRatingsPostJsonRatingsUploadRatingItemRating = Literal[
    "A", "B", "C", "D", "M"
]

UPLOAD_RATINGS_V1_CREDIT_RATINGS_POST_JSON_RATINGS_UPLOAD_RATING_ITEM_RATING_VALUES: set[
    UploadRatingsV1CreditRatingsPostJsonRatingsUploadRatingItemRating
] = {
    "A",
    "B",
    "C",
    "D",
    "M",
}


def check_upload_ratings_v1_credit_ratings_post_json_ratings_upload_rating_item_rating(
    value: str,
) -> UploadRatingsV1CreditRatingsPostJsonRatingsUploadRatingItemRating:
    if (
        value
        in UPLOAD_RATINGS_V1_CREDIT_RATINGS_POST_JSON_RATINGS_UPLOAD_RATING_ITEM_RATING_VALUES
    ):
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {UPLOAD_RATINGS_V1_CREDIT_RATINGS_POST_JSON_RATINGS_UPLOAD_RATING_ITEM_RATING_VALUES!r}"
    )
