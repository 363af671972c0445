from typing import Literal

ProgrammeInKind = Literal["fee", "interest"]

PROGRAMME_IN_KIND_VALUES: set[ProgrammeInKind] = {
    "fee",
    "interest",
}


def check_programme_in_kind(value: str) -> ProgrammeInKind:
    if value in PROGRAMME_IN_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PROGRAMME_IN_KIND_VALUES!r}"
    )
