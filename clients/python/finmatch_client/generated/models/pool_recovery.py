from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pool_loan import PoolLoan


T = TypeVar("T", bound="PoolRecovery")


@_attrs_define
class PoolRecovery:
    """
    Attributes:
        bank_fen (int): What of it stays with the bank.
        loan (PoolLoan):
        pool_fen (int): What this recovery returned to the pool.
        total_recovered_fen (int): Total recovered, in fen (分; 100 fen = 1 yuan), an integer, never a float.
    """

    bank_fen: int
    loan: PoolLoan
    pool_fen: int
    total_recovered_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_fen = self.bank_fen

        loan = self.loan.to_dict()

        pool_fen = self.pool_fen

        total_recovered_fen = self.total_recovered_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_fen": bank_fen,
                "loan": loan,
                "pool_fen": pool_fen,
                "total_recovered_fen": total_recovered_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pool_loan import PoolLoan

        d = dict(src_dict)
        bank_fen = d.pop("bank_fen")

        loan = PoolLoan.from_dict(d.pop("loan"))

        pool_fen = d.pop("pool_fen")

        total_recovered_fen = d.pop("total_recovered_fen")

        pool_recovery = cls(
            bank_fen=bank_fen,
            loan=loan,
            pool_fen=pool_fen,
            total_recovered_fen=total_recovered_fen,
        )

        pool_recovery.additional_properties = d
        return pool_recovery

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
