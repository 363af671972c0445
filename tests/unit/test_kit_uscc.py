"""GB 32100-2015 check character and format (domain-facts §2)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.uscc import ALPHABET, InvalidUSCC, check_character, is_valid_uscc, normalize_uscc

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
    # S = 9x1 + W(28)x3 = 93 = 3x31: the copied CSDN snippet indexes codes[31 - 0] and overflows.
    first17 = "9W" + "0" * 15
    assert check_character(first17) == "0"
    assert is_valid_uscc(first17 + "0")


@given(st.text(alphabet=ALPHABET, min_size=16, max_size=16), st.sampled_from("123456789ANY"))
def test_every_generated_code_validates_and_any_single_change_of_the_check_fails(
    body: str, first: str
) -> None:
    first17 = first + body
    good = first17 + check_character(first17)
    assert is_valid_uscc(good)
    for ch in ALPHABET:
        if ch != good[17]:
            assert not is_valid_uscc(first17 + ch)
