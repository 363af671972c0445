from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueryIn")


@_attrs_define
class QueryIn:
    """
    Attributes:
        amount_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT §1).
        term_months (int): A loan term in whole months.
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
        include_excluded (bool | Unset):  Default: False.
        limit (int | Unset): How many matches to show (CONTRACT §5). Default: 20.
    """

    amount_fen: int
    term_months: int
    uscc: str
    include_excluded: bool | Unset = False
    limit: int | Unset = 20

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        term_months = self.term_months

        uscc = self.uscc

        include_excluded = self.include_excluded

        limit = self.limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_fen": amount_fen,
                "term_months": term_months,
                "uscc": uscc,
            }
        )
        if include_excluded is not UNSET:
            field_dict["include_excluded"] = include_excluded
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        term_months = d.pop("term_months")

        uscc = d.pop("uscc")

        include_excluded = d.pop("include_excluded", UNSET)

        limit = d.pop("limit", UNSET)

        query_in = cls(
            amount_fen=amount_fen,
            term_months=term_months,
            uscc=uscc,
            include_excluded=include_excluded,
            limit=limit,
        )

        return query_in
