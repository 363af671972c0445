from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pool_position_by_bank import PoolPositionByBank


T = TypeVar("T", bound="PoolPosition")


@_attrs_define
class PoolPosition:
    """
    Attributes:
        balance_fen (int): What the pool holds now: initial − paid + recovered.
        by_bank (PoolPositionByBank):
        outstanding_fen (int): Still owed on the pool's loans: principal or the last overdue report, and for a defaulted
            loan its defaulted outstanding less recoveries.
        overdue_fen (int): The part of outstanding_fen on overdue or defaulted loans.
        overdue_ratio_bp (int): Overdue ratio, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        paid_fen (int): Compensation paid to banks on defaults.
        pool_id (str):
        recovered_fen (int): The pool's part of recoveries, returned to it.
    """

    balance_fen: int
    by_bank: PoolPositionByBank
    outstanding_fen: int
    overdue_fen: int
    overdue_ratio_bp: int
    paid_fen: int
    pool_id: str
    recovered_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance_fen = self.balance_fen

        by_bank = self.by_bank.to_dict()

        outstanding_fen = self.outstanding_fen

        overdue_fen = self.overdue_fen

        overdue_ratio_bp = self.overdue_ratio_bp

        paid_fen = self.paid_fen

        pool_id = self.pool_id

        recovered_fen = self.recovered_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance_fen": balance_fen,
                "by_bank": by_bank,
                "outstanding_fen": outstanding_fen,
                "overdue_fen": overdue_fen,
                "overdue_ratio_bp": overdue_ratio_bp,
                "paid_fen": paid_fen,
                "pool_id": pool_id,
                "recovered_fen": recovered_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pool_position_by_bank import PoolPositionByBank

        d = dict(src_dict)
        balance_fen = d.pop("balance_fen")

        by_bank = PoolPositionByBank.from_dict(d.pop("by_bank"))

        outstanding_fen = d.pop("outstanding_fen")

        overdue_fen = d.pop("overdue_fen")

        overdue_ratio_bp = d.pop("overdue_ratio_bp")

        paid_fen = d.pop("paid_fen")

        pool_id = d.pop("pool_id")

        recovered_fen = d.pop("recovered_fen")

        pool_position = cls(
            balance_fen=balance_fen,
            by_bank=by_bank,
            outstanding_fen=outstanding_fen,
            overdue_fen=overdue_fen,
            overdue_ratio_bp=overdue_ratio_bp,
            paid_fen=paid_fen,
            pool_id=pool_id,
            recovered_fen=recovered_fen,
        )

        pool_position.additional_properties = d
        return pool_position

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
