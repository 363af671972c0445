from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Pool")


@_attrs_define
class Pool:
    """
    Attributes:
        balance_fen (int): Balance, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        bank_org_ids (list[str]):
        compensation_bp (int): Compensation, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        created_at (datetime.datetime):
        fund_manager_org_id (str):
        id (str):
        initial_balance_fen (int): Initial balance, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        name (str):
        region_code (str):
        stop_overdue_bp (int): Stop overdue, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
    """

    balance_fen: int
    bank_org_ids: list[str]
    compensation_bp: int
    created_at: datetime.datetime
    fund_manager_org_id: str
    id: str
    initial_balance_fen: int
    name: str
    region_code: str
    stop_overdue_bp: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance_fen = self.balance_fen

        bank_org_ids = self.bank_org_ids

        compensation_bp = self.compensation_bp

        created_at = self.created_at.isoformat()

        fund_manager_org_id = self.fund_manager_org_id

        id = self.id

        initial_balance_fen = self.initial_balance_fen

        name = self.name

        region_code = self.region_code

        stop_overdue_bp = self.stop_overdue_bp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance_fen": balance_fen,
                "bank_org_ids": bank_org_ids,
                "compensation_bp": compensation_bp,
                "created_at": created_at,
                "fund_manager_org_id": fund_manager_org_id,
                "id": id,
                "initial_balance_fen": initial_balance_fen,
                "name": name,
                "region_code": region_code,
                "stop_overdue_bp": stop_overdue_bp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        balance_fen = d.pop("balance_fen")

        bank_org_ids = cast(list[str], d.pop("bank_org_ids"))

        compensation_bp = d.pop("compensation_bp")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        fund_manager_org_id = d.pop("fund_manager_org_id")

        id = d.pop("id")

        initial_balance_fen = d.pop("initial_balance_fen")

        name = d.pop("name")

        region_code = d.pop("region_code")

        stop_overdue_bp = d.pop("stop_overdue_bp")

        pool = cls(
            balance_fen=balance_fen,
            bank_org_ids=bank_org_ids,
            compensation_bp=compensation_bp,
            created_at=created_at,
            fund_manager_org_id=fund_manager_org_id,
            id=id,
            initial_balance_fen=initial_balance_fen,
            name=name,
            region_code=region_code,
            stop_overdue_bp=stop_overdue_bp,
        )

        pool.additional_properties = d
        return pool

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
