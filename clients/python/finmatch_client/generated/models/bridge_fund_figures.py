from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BridgeFundFigures")


@_attrs_define
class BridgeFundFigures:
    """
    Attributes:
        active_loans (int): Out and not repaid at the snapshot day.
        available_fen (int): Available, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        daily_fee_bp (int): Daily fee, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        fees_fen (int): Fees of the loans that started in the period.
        lent_fen (int): Lent, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        loans_out (int): Bridge loans that started in the period.
        loans_returned (int): Bridge loans repaid in the period (the renewal came).
        max_days (int):
        name (str):
        outstanding_fen (int): Outstanding, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_fen (int): Overdue, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_loans (int): Unpaid past due_on at the snapshot day.
        returned_fen (int): Returned, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        size_fen (int): Size, in fen (分; 100 fen = 1 yuan), an integer, never a float.
    """

    active_loans: int
    available_fen: int
    daily_fee_bp: int
    fees_fen: int
    lent_fen: int
    loans_out: int
    loans_returned: int
    max_days: int
    name: str
    outstanding_fen: int
    overdue_fen: int
    overdue_loans: int
    returned_fen: int
    size_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_loans = self.active_loans

        available_fen = self.available_fen

        daily_fee_bp = self.daily_fee_bp

        fees_fen = self.fees_fen

        lent_fen = self.lent_fen

        loans_out = self.loans_out

        loans_returned = self.loans_returned

        max_days = self.max_days

        name = self.name

        outstanding_fen = self.outstanding_fen

        overdue_fen = self.overdue_fen

        overdue_loans = self.overdue_loans

        returned_fen = self.returned_fen

        size_fen = self.size_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_loans": active_loans,
                "available_fen": available_fen,
                "daily_fee_bp": daily_fee_bp,
                "fees_fen": fees_fen,
                "lent_fen": lent_fen,
                "loans_out": loans_out,
                "loans_returned": loans_returned,
                "max_days": max_days,
                "name": name,
                "outstanding_fen": outstanding_fen,
                "overdue_fen": overdue_fen,
                "overdue_loans": overdue_loans,
                "returned_fen": returned_fen,
                "size_fen": size_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active_loans = d.pop("active_loans")

        available_fen = d.pop("available_fen")

        daily_fee_bp = d.pop("daily_fee_bp")

        fees_fen = d.pop("fees_fen")

        lent_fen = d.pop("lent_fen")

        loans_out = d.pop("loans_out")

        loans_returned = d.pop("loans_returned")

        max_days = d.pop("max_days")

        name = d.pop("name")

        outstanding_fen = d.pop("outstanding_fen")

        overdue_fen = d.pop("overdue_fen")

        overdue_loans = d.pop("overdue_loans")

        returned_fen = d.pop("returned_fen")

        size_fen = d.pop("size_fen")

        bridge_fund_figures = cls(
            active_loans=active_loans,
            available_fen=available_fen,
            daily_fee_bp=daily_fee_bp,
            fees_fen=fees_fen,
            lent_fen=lent_fen,
            loans_out=loans_out,
            loans_returned=loans_returned,
            max_days=max_days,
            name=name,
            outstanding_fen=outstanding_fen,
            overdue_fen=overdue_fen,
            overdue_loans=overdue_loans,
            returned_fen=returned_fen,
            size_fen=size_fen,
        )

        bridge_fund_figures.additional_properties = d
        return bridge_fund_figures

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
