from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PoolBank")


@_attrs_define
class PoolBank:
    """
    Attributes:
        outstanding_fen (int): Outstanding, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_fen (int): Overdue, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_ratio_bp (int): Overdue ratio, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        paid_fen (int): Paid, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        recovered_fen (int): Recovered, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        suspended (bool): overdue_ratio_bp has reached stop_overdue_bp: no new loans.
    """

    outstanding_fen: int
    overdue_fen: int
    overdue_ratio_bp: int
    paid_fen: int
    recovered_fen: int
    suspended: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outstanding_fen = self.outstanding_fen

        overdue_fen = self.overdue_fen

        overdue_ratio_bp = self.overdue_ratio_bp

        paid_fen = self.paid_fen

        recovered_fen = self.recovered_fen

        suspended = self.suspended

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outstanding_fen": outstanding_fen,
                "overdue_fen": overdue_fen,
                "overdue_ratio_bp": overdue_ratio_bp,
                "paid_fen": paid_fen,
                "recovered_fen": recovered_fen,
                "suspended": suspended,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        outstanding_fen = d.pop("outstanding_fen")

        overdue_fen = d.pop("overdue_fen")

        overdue_ratio_bp = d.pop("overdue_ratio_bp")

        paid_fen = d.pop("paid_fen")

        recovered_fen = d.pop("recovered_fen")

        suspended = d.pop("suspended")

        pool_bank = cls(
            outstanding_fen=outstanding_fen,
            overdue_fen=overdue_fen,
            overdue_ratio_bp=overdue_ratio_bp,
            paid_fen=paid_fen,
            recovered_fen=recovered_fen,
            suspended=suspended,
        )

        pool_bank.additional_properties = d
        return pool_bank

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
