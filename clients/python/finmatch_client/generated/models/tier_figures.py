from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TierFigures")


@_attrs_define
class TierFigures:
    """One tier over the report's scope; compensated and recovered add up its positions.

    Attributes:
        active_exposures (int):
        compensated_fen (int): 代偿 paid, as in a position: the local tier the whole compensation paid to the banks, a re-
            guarantor tier its own loss share (a part of what the locals paid).
        outstanding_share_fen (int): The tier's share of active outstanding amounts.
        recovered_fen (int): 追偿, as in a position: the local tier every party's recoveries but the bank's, a re-
            guarantor tier its own share.
    """

    active_exposures: int
    compensated_fen: int
    outstanding_share_fen: int
    recovered_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_exposures = self.active_exposures

        compensated_fen = self.compensated_fen

        outstanding_share_fen = self.outstanding_share_fen

        recovered_fen = self.recovered_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_exposures": active_exposures,
                "compensated_fen": compensated_fen,
                "outstanding_share_fen": outstanding_share_fen,
                "recovered_fen": recovered_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active_exposures = d.pop("active_exposures")

        compensated_fen = d.pop("compensated_fen")

        outstanding_share_fen = d.pop("outstanding_share_fen")

        recovered_fen = d.pop("recovered_fen")

        tier_figures = cls(
            active_exposures=active_exposures,
            compensated_fen=compensated_fen,
            outstanding_share_fen=outstanding_share_fen,
            recovered_fen=recovered_fen,
        )

        tier_figures.additional_properties = d
        return tier_figures

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
