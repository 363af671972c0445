from typing import Literal

ProductRequiredFlagsItem = Literal["agri_leading", "high_tech", "specialized_sme"]

PRODUCT_REQUIRED_FLAGS_ITEM_VALUES: set[ProductRequiredFlagsItem] = {
    "agri_leading",
    "high_tech",
    "specialized_sme",
}


def check_product_required_flags_item(value: str) -> ProductRequiredFlagsItem:
    if value in PRODUCT_REQUIRED_FLAGS_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_REQUIRED_FLAGS_ITEM_VALUES!r}"
    )
