from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BridgeFund")


@_attrs_define
class BridgeFund:
    """
    Attributes:
        created_at (datetime.datetime):
        daily_fee_bp (int): Daily fee, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        fund_manager_org_id (str):
        id (str):
        max_days (int):
        name (str):
        outstanding_fen (int): Outstanding, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        size_fen (int): Size, in fen (分; 100 fen = 1 yuan), an integer, never a float.
    """

    created_at: datetime.datetime
    daily_fee_bp: int
    fund_manager_org_id: str
    id: str
    max_days: int
    name: str
    outstanding_fen: int
    size_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        daily_fee_bp = self.daily_fee_bp

        fund_manager_org_id = self.fund_manager_org_id

        id = self.id

        max_days = self.max_days

        name = self.name

        outstanding_fen = self.outstanding_fen

        size_fen = self.size_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "daily_fee_bp": daily_fee_bp,
                "fund_manager_org_id": fund_manager_org_id,
                "id": id,
                "max_days": max_days,
                "name": name,
                "outstanding_fen": outstanding_fen,
                "size_fen": size_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        daily_fee_bp = d.pop("daily_fee_bp")

        fund_manager_org_id = d.pop("fund_manager_org_id")

        id = d.pop("id")

        max_days = d.pop("max_days")

        name = d.pop("name")

        outstanding_fen = d.pop("outstanding_fen")

        size_fen = d.pop("size_fen")

        bridge_fund = cls(
            created_at=created_at,
            daily_fee_bp=daily_fee_bp,
            fund_manager_org_id=fund_manager_org_id,
            id=id,
            max_days=max_days,
            name=name,
            outstanding_fen=outstanding_fen,
            size_fen=size_fen,
        )

        bridge_fund.additional_properties = d
        return bridge_fund

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
