from typing import Literal

SubscriptionOutMinRatingType0 = Literal["A", "B", "M"]

SUBSCRIPTION_OUT_MIN_RATING_TYPE_0_VALUES: set[SubscriptionOutMinRatingType0] = {
    "A",
    "B",
    "M",
}


def check_subscription_out_min_rating_type_0(
    value: str,
) -> SubscriptionOutMinRatingType0:
    if value in SUBSCRIPTION_OUT_MIN_RATING_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_OUT_MIN_RATING_TYPE_0_VALUES!r}"
    )
