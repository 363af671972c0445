from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CapacityGuarantor")


@_attrs_define
class CapacityGuarantor:
    """
    Attributes:
        agreement_id (str):
        guaranteed_fen (int): The guaranteed part under this agreement's shares.
        guarantor_id (str):
        headroom_fen (int): With guaranteed_fen: leverage headroom. With amount_fen: the smaller of leverage headroom
            and what the single-client cap leaves for this client.
        name (str):
        sufficient (bool): With amount_fen: a registration of this loan by this guarantor would pass now.
    """

    agreement_id: str
    guaranteed_fen: int
    guarantor_id: str
    headroom_fen: int
    name: str
    sufficient: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreement_id = self.agreement_id

        guaranteed_fen = self.guaranteed_fen

        guarantor_id = self.guarantor_id

        headroom_fen = self.headroom_fen

        name = self.name

        sufficient = self.sufficient

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement_id": agreement_id,
                "guaranteed_fen": guaranteed_fen,
                "guarantor_id": guarantor_id,
                "headroom_fen": headroom_fen,
                "name": name,
                "sufficient": sufficient,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agreement_id = d.pop("agreement_id")

        guaranteed_fen = d.pop("guaranteed_fen")

        guarantor_id = d.pop("guarantor_id")

        headroom_fen = d.pop("headroom_fen")

        name = d.pop("name")

        sufficient = d.pop("sufficient")

        capacity_guarantor = cls(
            agreement_id=agreement_id,
            guaranteed_fen=guaranteed_fen,
            guarantor_id=guarantor_id,
            headroom_fen=headroom_fen,
            name=name,
            sufficient=sufficient,
        )

        capacity_guarantor.additional_properties = d
        return capacity_guarantor

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
