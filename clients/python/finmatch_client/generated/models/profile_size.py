from typing import Literal

ProfileSize = Literal["large", "medium", "micro", "small"]

PROFILE_SIZE_VALUES: set[ProfileSize] = {
    "large",
    "medium",
    "micro",
    "small",
}


def check_profile_size(value: str) -> ProfileSize:
    if value in PROFILE_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PROFILE_SIZE_VALUES!r}"
    )
