from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.summary_tiers import SummaryTiers


T = TypeVar("T", bound="SummaryFigures")


@_attrs_define
class SummaryFigures:
    """The policy figures of 国办发〔2019〕6号 and 财金〔2025〕11号 over one scope or one 市州.

    Attributes:
        active_exposures (int):
        active_principal_fen (int): Active principal, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        avg_fee_rate_bp (int): Weighted by guaranteed balance (target ≤ 100).
        guaranteed_balance_fen (int): Outstanding minus the banks' shares (在保余额).
        small_micro_agri_share_bp (int): 支小支农: small-micro or agri guaranteed balance ÷ all (target ≥ 8000).
        tiers (SummaryTiers):
        upto_5m_client_share_bp (int): Guaranteed balance of clients whose 单户在保余额 with their guarantor is ≤ 5,000,000
            yuan ÷ all (target ≥ 5000 of 支小支农).
    """

    active_exposures: int
    active_principal_fen: int
    avg_fee_rate_bp: int
    guaranteed_balance_fen: int
    small_micro_agri_share_bp: int
    tiers: SummaryTiers
    upto_5m_client_share_bp: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_exposures = self.active_exposures

        active_principal_fen = self.active_principal_fen

        avg_fee_rate_bp = self.avg_fee_rate_bp

        guaranteed_balance_fen = self.guaranteed_balance_fen

        small_micro_agri_share_bp = self.small_micro_agri_share_bp

        tiers = self.tiers.to_dict()

        upto_5m_client_share_bp = self.upto_5m_client_share_bp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_exposures": active_exposures,
                "active_principal_fen": active_principal_fen,
                "avg_fee_rate_bp": avg_fee_rate_bp,
                "guaranteed_balance_fen": guaranteed_balance_fen,
                "small_micro_agri_share_bp": small_micro_agri_share_bp,
                "tiers": tiers,
                "upto_5m_client_share_bp": upto_5m_client_share_bp,
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

        guaranteed_balance_fen = d.pop("guaranteed_balance_fen")

        small_micro_agri_share_bp = d.pop("small_micro_agri_share_bp")

        tiers = SummaryTiers.from_dict(d.pop("tiers"))

        upto_5m_client_share_bp = d.pop("upto_5m_client_share_bp")

        summary_figures = cls(
            active_exposures=active_exposures,
            active_principal_fen=active_principal_fen,
            avg_fee_rate_bp=avg_fee_rate_bp,
            guaranteed_balance_fen=guaranteed_balance_fen,
            small_micro_agri_share_bp=small_micro_agri_share_bp,
            tiers=tiers,
            upto_5m_client_share_bp=upto_5m_client_share_bp,
        )

        summary_figures.additional_properties = d
        return summary_figures

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
