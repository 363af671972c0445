from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.capacity_guarantor import CapacityGuarantor


T = TypeVar("T", bound="Capacity")


@_attrs_define
class Capacity:
    """
    Attributes:
        bank_org_id (str):
        guaranteed_fen (int): As asked; with amount_fen, the largest guaranteed part any agreement leaves.
        guarantors (list[CapacityGuarantor]):
    """

    bank_org_id: str
    guaranteed_fen: int
    guarantors: list[CapacityGuarantor]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_org_id = self.bank_org_id

        guaranteed_fen = self.guaranteed_fen

        guarantors = []
        for guarantors_item_data in self.guarantors:
            guarantors_item = guarantors_item_data.to_dict()
            guarantors.append(guarantors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_org_id": bank_org_id,
                "guaranteed_fen": guaranteed_fen,
                "guarantors": guarantors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.capacity_guarantor import CapacityGuarantor

        d = dict(src_dict)
        bank_org_id = d.pop("bank_org_id")

        guaranteed_fen = d.pop("guaranteed_fen")

        guarantors = []
        _guarantors = d.pop("guarantors")
        for guarantors_item_data in _guarantors:
            guarantors_item = CapacityGuarantor.from_dict(guarantors_item_data)

            guarantors.append(guarantors_item)

        capacity = cls(
            bank_org_id=bank_org_id,
            guaranteed_fen=guaranteed_fen,
            guarantors=guarantors,
        )

        capacity.additional_properties = d
        return capacity

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
