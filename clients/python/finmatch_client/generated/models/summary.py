from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.summary_tiers import SummaryTiers


T = TypeVar("T", bound="Summary")


@_attrs_define
class Summary:
    """
    Attributes:
        active_exposures (int):
        active_principal_fen (int):
        avg_fee_rate_bp (int): Principal-weighted, over active exposures (target ≤ 100).
        scope (str): `all`, or the provincial institution id whose subtree is covered.
        small_micro_share_bp (int): Of active principal (target ≥ 8000).
        tiers (SummaryTiers):
        upto_5m_share_bp (int): Active principal in loans ≤ 5,000,000 yuan (target ≥ 5000).
    """

    active_exposures: int
    active_principal_fen: int
    avg_fee_rate_bp: int
    scope: str
    small_micro_share_bp: int
    tiers: SummaryTiers
    upto_5m_share_bp: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_exposures = self.active_exposures

        active_principal_fen = self.active_principal_fen

        avg_fee_rate_bp = self.avg_fee_rate_bp

        scope = self.scope

        small_micro_share_bp = self.small_micro_share_bp

        tiers = self.tiers.to_dict()

        upto_5m_share_bp = self.upto_5m_share_bp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_exposures": active_exposures,
                "active_principal_fen": active_principal_fen,
                "avg_fee_rate_bp": avg_fee_rate_bp,
                "scope": scope,
                "small_micro_share_bp": small_micro_share_bp,
                "tiers": tiers,
                "upto_5m_share_bp": upto_5m_share_bp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.summary_tiers import SummaryTiers

        d = dict(src_dict)
        active_exposures = d.pop("active_exposures")

        active_principal_fen = d.pop("active_principal_fen")

        avg_fee_rate_bp = d.pop("avg_fee_rate_bp")

        scope = d.pop("scope")

        small_micro_share_bp = d.pop("small_micro_share_bp")

        tiers = SummaryTiers.from_dict(d.pop("tiers"))

        upto_5m_share_bp = d.pop("upto_5m_share_bp")

        summary = cls(
            active_exposures=active_exposures,
            active_principal_fen=active_principal_fen,
            avg_fee_rate_bp=avg_fee_rate_bp,
            scope=scope,
            small_micro_share_bp=small_micro_share_bp,
            tiers=tiers,
            upto_5m_share_bp=upto_5m_share_bp,
        )

        summary.additional_properties = d
        return summary

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
