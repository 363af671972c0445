from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BridgeFundCreate")


@_attrs_define
class BridgeFundCreate:
    """
    Attributes:
        daily_fee_bp (int): A rate in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer (CONTRACT §1).
        max_days (int):
        name (str):
        size_fen (int): Size, in fen (分; 100 fen = 1 yuan), an integer, never a float.
    """

    daily_fee_bp: int
    max_days: int
    name: str
    size_fen: int

    def to_dict(self) -> dict[str, Any]:
        daily_fee_bp = self.daily_fee_bp

        max_days = self.max_days

        name = self.name

        size_fen = self.size_fen

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "daily_fee_bp": daily_fee_bp,
                "max_days": max_days,
                "name": name,
                "size_fen": size_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        daily_fee_bp = d.pop("daily_fee_bp")

        max_days = d.pop("max_days")

        name = d.pop("name")

        size_fen = d.pop("size_fen")

        bridge_fund_create = cls(
            daily_fee_bp=daily_fee_bp,
            max_days=max_days,
            name=name,
            size_fen=size_fen,
        )

        return bridge_fund_create
