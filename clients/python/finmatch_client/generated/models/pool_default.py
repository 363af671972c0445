from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pool_loan import PoolLoan


T = TypeVar("T", bound="PoolDefault")


@_attrs_define
class PoolDefault:
    """
    Attributes:
        compensation_fen (int): Paid to the bank from the pool, never beyond its balance.
        loan (PoolLoan):
        uncovered_fen (int): compensation_bp × the defaulted outstanding − compensation_fen.
    """

    compensation_fen: int
    loan: PoolLoan
    uncovered_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        compensation_fen = self.compensation_fen

        loan = self.loan.to_dict()

        uncovered_fen = self.uncovered_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "compensation_fen": compensation_fen,
                "loan": loan,
                "uncovered_fen": uncovered_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pool_loan import PoolLoan

        d = dict(src_dict)
        compensation_fen = d.pop("compensation_fen")

        loan = PoolLoan.from_dict(d.pop("loan"))

        uncovered_fen = d.pop("uncovered_fen")

        pool_default = cls(
            compensation_fen=compensation_fen,
            loan=loan,
            uncovered_fen=uncovered_fen,
        )

        pool_default.additional_properties = d
        return pool_default

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
