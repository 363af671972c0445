from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PoolCreate")


@_attrs_define
class PoolCreate:
    """
    Attributes:
        balance_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT §1).
        bank_org_ids (list[UUID]):
        compensation_bp (int): A rate in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer (CONTRACT §1).
        name (str):
        region_code (str):
        stop_overdue_bp (int): The overdue ratio at which a bank adds no loan.
    """

    balance_fen: int
    bank_org_ids: list[UUID]
    compensation_bp: int
    name: str
    region_code: str
    stop_overdue_bp: int

    def to_dict(self) -> dict[str, Any]:
        balance_fen = self.balance_fen

        bank_org_ids = []
        for bank_org_ids_item_data in self.bank_org_ids:
            bank_org_ids_item = str(bank_org_ids_item_data)
            bank_org_ids.append(bank_org_ids_item)

        compensation_bp = self.compensation_bp

        name = self.name

        region_code = self.region_code

        stop_overdue_bp = self.stop_overdue_bp

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "balance_fen": balance_fen,
                "bank_org_ids": bank_org_ids,
                "compensation_bp": compensation_bp,
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

        bank_org_ids = []
        _bank_org_ids = d.pop("bank_org_ids")
        for bank_org_ids_item_data in _bank_org_ids:
            bank_org_ids_item = UUID(bank_org_ids_item_data)

            bank_org_ids.append(bank_org_ids_item)

        compensation_bp = d.pop("compensation_bp")

        name = d.pop("name")

        region_code = d.pop("region_code")

        stop_overdue_bp = d.pop("stop_overdue_bp")

        pool_create = cls(
            balance_fen=balance_fen,
            bank_org_ids=bank_org_ids,
            compensation_bp=compensation_bp,
            name=name,
            region_code=region_code,
            stop_overdue_bp=stop_overdue_bp,
        )

        return pool_create
