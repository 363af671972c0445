from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.summary_by_bank import SummaryByBank
    from ..models.summary_by_region import SummaryByRegion
    from ..models.summary_tiers import SummaryTiers


T = TypeVar("T", bound="Summary")


@_attrs_define
class Summary:
    """
    Attributes:
        active_exposures (int):
        active_principal_fen (int): Active principal, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        avg_fee_rate_bp (int): Weighted by guaranteed balance (target ≤ 100).
        by_region (SummaryByRegion): Keyed by 市州 code (USCC characters 3–8).
        from_ (datetime.date | None): Flows (代偿, 追偿) from this day; none: all time.
        guaranteed_balance_fen (int): Outstanding minus the banks' shares (在保余额).
        region_code (None | str): The one 市州 the report is narrowed to, if any.
        scope (str): `all`, or the provincial institution id whose subtree is covered.
        small_micro_agri_share_bp (int): 支小支农: small-micro or agri guaranteed balance ÷ all (target ≥ 8000).
        tiers (SummaryTiers):
        to (datetime.date): Balances are as of this day (default today); flows up to it.
        upto_5m_client_share_bp (int): Guaranteed balance of clients whose 单户在保余额 with their guarantor is ≤ 5,000,000
            yuan ÷ all (target ≥ 5000 of 支小支农).
        by_bank (SummaryByBank | Unset): Keyed by the lending bank's org id.
    """

    active_exposures: int
    active_principal_fen: int
    avg_fee_rate_bp: int
    by_region: SummaryByRegion
    from_: datetime.date | None
    guaranteed_balance_fen: int
    region_code: None | str
    scope: str
    small_micro_agri_share_bp: int
    tiers: SummaryTiers
    to: datetime.date
    upto_5m_client_share_bp: int
    by_bank: SummaryByBank | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_exposures = self.active_exposures

        active_principal_fen = self.active_principal_fen

        avg_fee_rate_bp = self.avg_fee_rate_bp

        by_region = self.by_region.to_dict()

        from_: None | str
        if isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        guaranteed_balance_fen = self.guaranteed_balance_fen

        region_code: None | str
        region_code = self.region_code

        scope = self.scope

        small_micro_agri_share_bp = self.small_micro_agri_share_bp

        tiers = self.tiers.to_dict()

        to = self.to.isoformat()

        upto_5m_client_share_bp = self.upto_5m_client_share_bp

        by_bank: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_bank, Unset):
            by_bank = self.by_bank.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_exposures": active_exposures,
                "active_principal_fen": active_principal_fen,
                "avg_fee_rate_bp": avg_fee_rate_bp,
                "by_region": by_region,
                "from": from_,
                "guaranteed_balance_fen": guaranteed_balance_fen,
                "region_code": region_code,
                "scope": scope,
                "small_micro_agri_share_bp": small_micro_agri_share_bp,
                "tiers": tiers,
                "to": to,
                "upto_5m_client_share_bp": upto_5m_client_share_bp,
            }
        )
        if by_bank is not UNSET:
            field_dict["by_bank"] = by_bank

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.summary_by_bank import SummaryByBank
        from ..models.summary_by_region import SummaryByRegion
        from ..models.summary_tiers import SummaryTiers

        d = dict(src_dict)
        active_exposures = d.pop("active_exposures")

        active_principal_fen = d.pop("active_principal_fen")

        avg_fee_rate_bp = d.pop("avg_fee_rate_bp")

        by_region = SummaryByRegion.from_dict(d.pop("by_region"))

        def _parse_from_(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        from_ = _parse_from_(d.pop("from"))

        guaranteed_balance_fen = d.pop("guaranteed_balance_fen")

        def _parse_region_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region_code = _parse_region_code(d.pop("region_code"))

        scope = d.pop("scope")

        small_micro_agri_share_bp = d.pop("small_micro_agri_share_bp")

        tiers = SummaryTiers.from_dict(d.pop("tiers"))

        to = datetime.date.fromisoformat(d.pop("to"))

        upto_5m_client_share_bp = d.pop("upto_5m_client_share_bp")

        _by_bank = d.pop("by_bank", UNSET)
        by_bank: SummaryByBank | Unset
        if isinstance(_by_bank, Unset):
            by_bank = UNSET
        else:
            by_bank = SummaryByBank.from_dict(_by_bank)

        summary = cls(
            active_exposures=active_exposures,
            active_principal_fen=active_principal_fen,
            avg_fee_rate_bp=avg_fee_rate_bp,
            by_region=by_region,
            from_=from_,
            guaranteed_balance_fen=guaranteed_balance_fen,
            region_code=region_code,
            scope=scope,
            small_micro_agri_share_bp=small_micro_agri_share_bp,
            tiers=tiers,
            to=to,
            upto_5m_client_share_bp=upto_5m_client_share_bp,
            by_bank=by_bank,
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
