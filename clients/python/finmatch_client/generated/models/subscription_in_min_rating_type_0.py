from typing import Literal

SubscriptionInMinRatingType0 = Literal["A", "B", "M"]

SUBSCRIPTION_IN_MIN_RATING_TYPE_0_VALUES: set[SubscriptionInMinRatingType0] = {
    "A",
    "B",
    "M",
}


def check_subscription_in_min_rating_type_0(value: str) -> SubscriptionInMinRatingType0:
    if value in SUBSCRIPTION_IN_MIN_RATING_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_IN_MIN_RATING_TYPE_0_VALUES!r}"
    )
