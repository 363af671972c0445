"""统一社会信用代码 (USCC) validation per GB 32100-2015 (CONTRACT §1, domain-facts §2).

18 characters from the 31-character alphabet (no I, O, Z, S, V); the first is a
registration-authority code in 1-9, A, N, Y; the 18th is the check character with
weights 3^(i-1) mod 31 and check = (31 - S mod 31) mod 31. The outer mod matters:
the widely copied ``codes[31 - mod]`` snippet overflows when S mod 31 == 0.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
FIRST_CHARACTERS = "123456789ANY"
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


class InvalidUSCC(ValueError):
    pass


def check_character(first17: str) -> str:
    total = sum(_VALUE[ch] * weight for ch, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def normalize_uscc(raw: str) -> str:
    """The upper-cased code, or InvalidUSCC with a reason a person can act on."""
    code = raw.strip().upper()
    if len(code) != 18:
        raise InvalidUSCC(f"a USCC has 18 characters, got {len(code)}")
    bad = sorted({ch for ch in code if ch not in _VALUE})
    if bad:
        raise InvalidUSCC(f"characters not allowed in a USCC: {''.join(bad)}")
    if code[0] not in FIRST_CHARACTERS:
        raise InvalidUSCC(f"first character {code[0]!r} is not a registration authority code (1-9, A, N, Y)")
    expected = check_character(code[:17])
    if code[17] != expected:
        raise InvalidUSCC(f"check character is {code[17]!r}, expected {expected!r}")
    return code


def is_valid_uscc(raw: str) -> bool:
    try:
        normalize_uscc(raw)
    except InvalidUSCC:
        return False
    return True


def _pydantic_uscc(value: str) -> str:
    try:
        return normalize_uscc(value)
    except InvalidUSCC as exc:
        raise PydanticCustomError("invalid_uscc", "invalid USCC: {reason}", {"reason": str(exc)}) from exc


def _must_be_str(value: object) -> object:
    if not isinstance(value, str):
        raise PydanticCustomError("invalid_uscc", "invalid USCC: must be a string")
    return value


USCC = Annotated[str, BeforeValidator(_must_be_str), AfterValidator(_pydantic_uscc)]
"""A request field or path parameter holding a USCC; invalid ones answer 422 ``invalid-uscc``."""
