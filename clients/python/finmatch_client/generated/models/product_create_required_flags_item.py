from typing import Literal

ProductCreateRequiredFlagsItem = Literal["agri_leading", "high_tech", "specialized_sme"]

PRODUCT_CREATE_REQUIRED_FLAGS_ITEM_VALUES: set[ProductCreateRequiredFlagsItem] = {
    "agri_leading",
    "high_tech",
    "specialized_sme",
}


def check_product_create_required_flags_item(
    value: str,
) -> ProductCreateRequiredFlagsItem:
    if value in PRODUCT_CREATE_REQUIRED_FLAGS_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_CREATE_REQUIRED_FLAGS_ITEM_VALUES!r}"
    )
