"""统一社会信用代码 (USCC) validation per GB 32100-2015 (CONTRACT §1, domain-facts §2).

18 characters from the 31-character alphabet (no I, O, Z, S, V); the first is a
registration-authority code in 1-9, A, N, Y; the 18th is the check character with
weights 3^(i-1) mod 31 and check = (31 - S mod 31) mod 31. The outer mod matters:
the widely copied ``codes[31 - mod]`` snippet overflows when S mod 31 == 0.

Characters 1-2 must be a registration-authority / entity-type pair GB 32100 defines, and
characters 3-8 the registering authority's GB/T 2260 division: ``100000`` for a national
registration (91100000100003962T) or six digits starting with a province code (CONTRACT §1).
"""

from __future__ import annotations

from operator import getitem
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
FIRST_CHARACTERS = "123456789ANY"
# GB 32100-2015 表1: the entity types (character 2) each registration authority (character 1) uses.
AUTHORITY_TYPES = {
    "1": "1239",  # 机构编制: 机关, 事业单位, 群众团体, 其他
    "2": "19",  # 外交
    "3": "123459",  # 司法行政: 律师, 公证, 基层法律服务, 司法鉴定, 仲裁, 其他
    "4": "19",  # 文化
    "5": "1239",  # 民政: 社会团体, 民办非企业单位, 基金会, 其他
    "6": "129",  # 旅游
    "7": "129",  # 宗教
    "8": "19",  # 工会
    "9": "123",  # 工商 (市场监管): 企业, 个体工商户, 农民专业合作社
    "A": "19",  # 中央军委改革和编制办公室
    "N": "1239",  # 农业: 组级, 村级, 乡镇级集体经济组织, 其他
    "Y": "1",  # 其他
}
# GB/T 2260 province-level codes (the first two digits of a division code).
PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "  # noqa: SIM905 (a table, kept readable)
    "50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)
NATIONAL_REGISTRATION = "100000"
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
# Per position, each character's value times that position's weight: one look-up per character.
_WEIGHTED = tuple({ch: value * weight for ch, value in _VALUE.items()} for weight in WEIGHTS)
_ALLOWED = frozenset(ALPHABET)


class InvalidUSCC(ValueError):
    pass


def check_character(first17: str) -> str:
    if len(first17) != len(WEIGHTS):
        raise ValueError(f"check_character takes 17 characters, got {len(first17)}")
    # map() rather than a generator: a 10,000-item upload checks 10,000 codes (bench/README.md).
    total = sum(map(getitem, _WEIGHTED, first17))
    return ALPHABET[(31 - total % 31) % 31]


def normalize_uscc(raw: str) -> str:
    """The upper-cased code, or InvalidUSCC with a reason a person can act on."""
    code = raw.strip().upper()
    if len(code) != 18:
        raise InvalidUSCC(f"a USCC has 18 characters, got {len(code)}")
    if not _ALLOWED.issuperset(code):
        bad = sorted({ch for ch in code if ch not in _VALUE})
        raise InvalidUSCC(f"characters not allowed in a USCC: {''.join(bad)}")
    if code[0] not in FIRST_CHARACTERS:
        raise InvalidUSCC(f"first character {code[0]!r} is not a registration authority code (1-9, A, N, Y)")
    _check_authority(code)
    _check_division(code[2:8])
    expected = check_character(code[:17])
    if code[17] != expected:
        raise InvalidUSCC(f"check character is {code[17]!r}, expected {expected!r}")
    return code


def _check_authority(code: str) -> None:
    if code[1] not in AUTHORITY_TYPES[code[0]]:
        raise InvalidUSCC(
            f"characters 1-2 {code[:2]!r} are not a registration authority and type GB 32100 defines"
        )


def _check_division(division: str) -> None:
    if division == NATIONAL_REGISTRATION:
        return
    if not division.isdigit() or division[:2] not in PROVINCES:
        raise InvalidUSCC(
            f"characters 3-8 {division!r} are not a GB/T 2260 division "
            "(six digits starting with a province code)"
        )


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


USCC = Annotated[
    str,
    BeforeValidator(_must_be_str),
    AfterValidator(_pydantic_uscc),
    Field(
        description="统一社会信用代码: the enterprise's 18-character Unified Social Credit Code "
        "(GB 32100-2015; the last character is its MOD 31 check character).",
        examples=["91620100MA72RH3L12"],
    ),
]
"""A request field or path parameter holding a USCC; invalid ones answer 422 ``invalid-uscc``."""
