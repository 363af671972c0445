from typing import Literal

AccessEntryOutVia = Literal["feed", "match_query", "rating_read", "webhook"]

ACCESS_ENTRY_OUT_VIA_VALUES: set[AccessEntryOutVia] = {
    "feed",
    "match_query",
    "rating_read",
    "webhook",
}


def check_access_entry_out_via(value: str) -> AccessEntryOutVia:
    if value in ACCESS_ENTRY_OUT_VIA_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACCESS_ENTRY_OUT_VIA_VALUES!r}"
    )
