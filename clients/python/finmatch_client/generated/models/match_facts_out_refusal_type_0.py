from typing import Literal

MatchFactsOutRefusalType0 = Literal["not-authorised-by-enterprise", "not-found"]

MATCH_FACTS_OUT_REFUSAL_TYPE_0_VALUES: set[MatchFactsOutRefusalType0] = {
    "not-authorised-by-enterprise",
    "not-found",
}


def check_match_facts_out_refusal_type_0(value: str) -> MatchFactsOutRefusalType0:
    if value in MATCH_FACTS_OUT_REFUSAL_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MATCH_FACTS_OUT_REFUSAL_TYPE_0_VALUES!r}"
    )
