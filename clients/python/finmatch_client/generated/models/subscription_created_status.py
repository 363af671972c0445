from typing import Literal

SubscriptionCreatedStatus = Literal["active", "paused"]

SUBSCRIPTION_CREATED_STATUS_VALUES: set[SubscriptionCreatedStatus] = {
    "active",
    "paused",
}


def check_subscription_created_status(value: str) -> SubscriptionCreatedStatus:
    if value in SUBSCRIPTION_CREATED_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_CREATED_STATUS_VALUES!r}"
    )
