from typing import Literal

AccessEntryOutWhat = Literal["rating", "tax_figure"]

ACCESS_ENTRY_OUT_WHAT_VALUES: set[AccessEntryOutWhat] = {
    "rating",
    "tax_figure",
}


def check_access_entry_out_what(value: str) -> AccessEntryOutWhat:
    if value in ACCESS_ENTRY_OUT_WHAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACCESS_ENTRY_OUT_WHAT_VALUES!r}"
    )
