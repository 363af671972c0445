from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BridgePosition")


@_attrs_define
class BridgePosition:
    """
    Attributes:
        active_loans (int):
        available_fen (int): size_fen − outstanding_fen.
        fees_fen (int): Fees over every loan of the fund.
        fund_id (str):
        outstanding_fen (int): Bridge loans not yet repaid.
        overdue_fen (int): Overdue, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_loans (int): Unpaid past due_on.
        repaid_fen (int): Repaid, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        size_fen (int): Size, in fen (分; 100 fen = 1 yuan), an integer, never a float.
    """

    active_loans: int
    available_fen: int
    fees_fen: int
    fund_id: str
    outstanding_fen: int
    overdue_fen: int
    overdue_loans: int
    repaid_fen: int
    size_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_loans = self.active_loans

        available_fen = self.available_fen

        fees_fen = self.fees_fen

        fund_id = self.fund_id

        outstanding_fen = self.outstanding_fen

        overdue_fen = self.overdue_fen

        overdue_loans = self.overdue_loans

        repaid_fen = self.repaid_fen

        size_fen = self.size_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_loans": active_loans,
                "available_fen": available_fen,
                "fees_fen": fees_fen,
                "fund_id": fund_id,
                "outstanding_fen": outstanding_fen,
                "overdue_fen": overdue_fen,
                "overdue_loans": overdue_loans,
                "repaid_fen": repaid_fen,
                "size_fen": size_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active_loans = d.pop("active_loans")

        available_fen = d.pop("available_fen")

        fees_fen = d.pop("fees_fen")

        fund_id = d.pop("fund_id")

        outstanding_fen = d.pop("outstanding_fen")

        overdue_fen = d.pop("overdue_fen")

        overdue_loans = d.pop("overdue_loans")

        repaid_fen = d.pop("repaid_fen")

        size_fen = d.pop("size_fen")

        bridge_position = cls(
            active_loans=active_loans,
            available_fen=available_fen,
            fees_fen=fees_fen,
            fund_id=fund_id,
            outstanding_fen=outstanding_fen,
            overdue_fen=overdue_fen,
            overdue_loans=overdue_loans,
            repaid_fen=repaid_fen,
            size_fen=size_fen,
        )

        bridge_position.additional_properties = d
        return bridge_position

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
