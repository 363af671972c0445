from typing import Literal

SubscriptionPatchMinRatingType0 = Literal["A", "B", "M"]

SUBSCRIPTION_PATCH_MIN_RATING_TYPE_0_VALUES: set[SubscriptionPatchMinRatingType0] = {
    "A",
    "B",
    "M",
}


def check_subscription_patch_min_rating_type_0(
    value: str,
) -> SubscriptionPatchMinRatingType0:
    if value in SUBSCRIPTION_PATCH_MIN_RATING_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_PATCH_MIN_RATING_TYPE_0_VALUES!r}"
    )
