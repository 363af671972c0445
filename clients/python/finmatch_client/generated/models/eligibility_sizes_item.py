from typing import Literal

EligibilitySizesItem = Literal["medium", "micro", "small"]

ELIGIBILITY_SIZES_ITEM_VALUES: set[EligibilitySizesItem] = {
    "medium",
    "micro",
    "small",
}


def check_eligibility_sizes_item(value: str) -> EligibilitySizesItem:
    if value in ELIGIBILITY_SIZES_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ELIGIBILITY_SIZES_ITEM_VALUES!r}"
    )
