from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="YearFigures")


@_attrs_define
class YearFigures:
    """The programmes of one budget year, at the snapshot day.

    Attributes:
        budget_fen (int): Budget, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        paid_to_date_fen (int): Paid to date, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        programmes (int):
        remaining_budget_fen (int): Remaining budget, in fen (分; 100 fen = 1 yuan), an integer, never a float.
    """

    budget_fen: int
    paid_to_date_fen: int
    programmes: int
    remaining_budget_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        budget_fen = self.budget_fen

        paid_to_date_fen = self.paid_to_date_fen

        programmes = self.programmes

        remaining_budget_fen = self.remaining_budget_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "budget_fen": budget_fen,
                "paid_to_date_fen": paid_to_date_fen,
                "programmes": programmes,
                "remaining_budget_fen": remaining_budget_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        budget_fen = d.pop("budget_fen")

        paid_to_date_fen = d.pop("paid_to_date_fen")

        programmes = d.pop("programmes")

        remaining_budget_fen = d.pop("remaining_budget_fen")

        year_figures = cls(
            budget_fen=budget_fen,
            paid_to_date_fen=paid_to_date_fen,
            programmes=programmes,
            remaining_budget_fen=remaining_budget_fen,
        )

        year_figures.additional_properties = d
        return year_figures

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
