from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LoanTypeFigures")


@_attrs_define
class LoanTypeFigures:
    """
    Attributes:
        loans_count (int):
        loans_total_fen (int): Loans total, in fen (分; 100 fen = 1 yuan), an integer, never a float.
    """

    loans_count: int
    loans_total_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        loans_count = self.loans_count

        loans_total_fen = self.loans_total_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loans_count": loans_count,
                "loans_total_fen": loans_total_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        loans_count = d.pop("loans_count")

        loans_total_fen = d.pop("loans_total_fen")

        loan_type_figures = cls(
            loans_count=loans_count,
            loans_total_fen=loans_total_fen,
        )

        loan_type_figures.additional_properties = d
        return loan_type_figures

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
