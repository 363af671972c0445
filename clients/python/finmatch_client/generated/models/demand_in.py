from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DemandIn")


@_attrs_define
class DemandIn:
    """
    Attributes:
        amount_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT §1).
        purpose (str):
        term_months (int): A loan term in whole months.
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    amount_fen: int
    purpose: str
    term_months: int
    uscc: str

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        purpose = self.purpose

        term_months = self.term_months

        uscc = self.uscc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_fen": amount_fen,
                "purpose": purpose,
                "term_months": term_months,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        purpose = d.pop("purpose")

        term_months = d.pop("term_months")

        uscc = d.pop("uscc")

        demand_in = cls(
            amount_fen=amount_fen,
            purpose=purpose,
            term_months=term_months,
            uscc=uscc,
        )

        return demand_in
