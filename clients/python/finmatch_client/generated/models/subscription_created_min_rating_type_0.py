from typing import Literal

SubscriptionCreatedMinRatingType0 = Literal["A", "B", "M"]

SUBSCRIPTION_CREATED_MIN_RATING_TYPE_0_VALUES: set[
    SubscriptionCreatedMinRatingType0
] = {
    "A",
    "B",
    "M",
}


def check_subscription_created_min_rating_type_0(
    value: str,
) -> SubscriptionCreatedMinRatingType0:
    if value in SUBSCRIPTION_CREATED_MIN_RATING_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_CREATED_MIN_RATING_TYPE_0_VALUES!r}"
    )
