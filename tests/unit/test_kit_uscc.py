"""GB 32100-2015 check character and format (domain-facts §2)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.uscc import (
    ALPHABET,
    AUTHORITY_TYPES,
    PROVINCES,
    InvalidUSCC,
    check_character,
    is_valid_uscc,
    normalize_uscc,
)

# Published codes recomputed in domain-facts §2.4.
REAL = [
    "91110108551385082Q",
    "91110000600037341L",
    "91350100M000100Y43",
    "121200004013590816",
    "9115220107837941X1",
]


@pytest.mark.parametrize("code", REAL)
def test_real_codes_pass(code: str) -> None:
    assert normalize_uscc(code) == code


def test_lower_case_is_normalised() -> None:
    assert normalize_uscc(" 91350100m000100y43 ") == "91350100M000100Y43"


def test_first_character_a_n_y_are_allowed() -> None:
    for first in "ANY":
        body = first + "1620100MA0000001"
        assert is_valid_uscc(body + check_character(body))


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91110108551385082", "18 characters"),
        ("91110108551385082QQ", "18 characters"),
        ("91110108551385082R", "check character"),
        ("9111010855138508IQ", "not allowed"),
        ("01110108551385082Q", "registration authority"),
        ("B1110108551385082Q", "registration authority"),
    ],
)
def test_invalid_codes_say_why(code: str, reason: str) -> None:
    with pytest.raises(InvalidUSCC, match=reason):
        normalize_uscc(code)


def test_check_when_sum_is_a_multiple_of_31_is_zero() -> None:
    # The copied CSDN snippet indexes codes[31 - 0] and overflows when S mod 31 == 0.
    first17 = next(body for n in range(10**6) if check_character(body := f"91620100{n:09d}") == "0")
    assert is_valid_uscc(first17 + "0")


@pytest.mark.parametrize(
    ("prefix", "reason"),
    [
        ("94620100", "registration authority and type"),  # 工商 has types 1-3 only
        ("Y2620100", "registration authority and type"),
        ("91990100", "GB/T 2260 division"),  # no province 99
        ("9162010A", "GB/T 2260 division"),
        ("91000000", "GB/T 2260 division"),
    ],
)
def test_authority_type_and_division_must_be_defined(prefix: str, reason: str) -> None:
    first17 = prefix + "MA0000001"
    with pytest.raises(InvalidUSCC, match=reason):
        normalize_uscc(first17 + check_character(first17))


def test_national_registrations_are_valid() -> None:
    assert is_valid_uscc("91100000100003962T")


_PAIRS = sorted(first + kind for first, kinds in AUTHORITY_TYPES.items() for kind in kinds)


@given(
    st.sampled_from(_PAIRS),
    st.sampled_from(sorted(PROVINCES)),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
    st.text(alphabet=ALPHABET, min_size=9, max_size=9),
)
def test_every_generated_code_validates_and_any_single_change_of_the_check_fails(
    pair: str, province: str, county: str, body: str
) -> None:
    first17 = pair + province + county + body
    good = first17 + check_character(first17)
    assert is_valid_uscc(good)
    for ch in ALPHABET:
        if ch != good[17]:
            assert not is_valid_uscc(first17 + ch)
