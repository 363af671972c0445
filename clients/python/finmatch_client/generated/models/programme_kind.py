from typing import Literal

ProgrammeKind = Literal["fee", "interest"]

PROGRAMME_KIND_VALUES: set[ProgrammeKind] = {
    "fee",
    "interest",
}


def check_programme_kind(value: str) -> ProgrammeKind:
    if value in PROGRAMME_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PROGRAMME_KIND_VALUES!r}"
    )
