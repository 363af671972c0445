from typing import Literal

ProductPatchRequiredFlagsType0Item = Literal[
    "agri_leading", "high_tech", "specialized_sme"
]

PRODUCT_PATCH_REQUIRED_FLAGS_TYPE_0_ITEM_VALUES: set[
    ProductPatchRequiredFlagsType0Item
] = {
    "agri_leading",
    "high_tech",
    "specialized_sme",
}


def check_product_patch_required_flags_type_0_item(
    value: str,
) -> ProductPatchRequiredFlagsType0Item:
    if value in PRODUCT_PATCH_REQUIRED_FLAGS_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_PATCH_REQUIRED_FLAGS_TYPE_0_ITEM_VALUES!r}"
    )
