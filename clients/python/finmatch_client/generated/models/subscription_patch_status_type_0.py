from typing import Literal

SubscriptionPatchStatusType0 = Literal["active", "paused"]

SUBSCRIPTION_PATCH_STATUS_TYPE_0_VALUES: set[SubscriptionPatchStatusType0] = {
    "active",
    "paused",
}


def check_subscription_patch_status_type_0(value: str) -> SubscriptionPatchStatusType0:
    if value in SUBSCRIPTION_PATCH_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_PATCH_STATUS_TYPE_0_VALUES!r}"
    )
