from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_tier import PositionTier, check_position_tier

T = TypeVar("T", bound="Position")


@_attrs_define
class Position:
    """One institution's own book: a local guarantor answers to the bank for the whole guaranteed
    part of its loans, a re-guarantor (provincial, national fund) to the local for its share.

        Attributes:
            active_exposures (int):
            capacity_fen (int): net_assets_fen × leverage_multiple.
            compensated_fen (int): 代偿 paid. A local guarantor: the whole compensation_fen it paid the banks (outstanding at
                default − the bank's loss). A re-guarantor: its own loss share.
            compensation_rate_bp (int): 代偿率 = 代偿额 ÷ 解除担保额, cumulatively: compensations paid ÷ guaranteed amounts released by
                repayment or compensation, both at the institution's own share (a local guarantor: the guaranteed part; a re-
                guarantor: its own share), half up; 0 when nothing was released.
            compensation_rate_year_bp (int): 代偿率 over the releases and compensations dated in `year` (Asia/Shanghai).
            headroom_fen (int): capacity_fen − liability_fen, never below 0.
            institution_id (str):
            leverage_multiple (int):
            liability_fen (int): Over active exposures. A local guarantor: its weighted_liability_fen total (融资担保责任余额, the
                figure the limits use). A provincial re-guarantor or the national fund: its own share of the outstanding amounts
                below it, unweighted (100%).
            net_assets_fen (int): Net assets, in fen (分; 100 fen = 1 yuan), an integer, never a float.
            recovered_fen (int): 追偿 on what it paid. A local guarantor: recoveries on the guaranteed part (every party's but
                the bank's). A re-guarantor: its own recovery share.
            single_client_cap_fen (int): 10% of net assets, rounded down.
            tier (PositionTier):
            year (int): The year of compensation_rate_year_bp (`?year=`, default this year).
    """

    active_exposures: int
    capacity_fen: int
    compensated_fen: int
    compensation_rate_bp: int
    compensation_rate_year_bp: int
    headroom_fen: int
    institution_id: str
    leverage_multiple: int
    liability_fen: int
    net_assets_fen: int
    recovered_fen: int
    single_client_cap_fen: int
    tier: PositionTier
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_exposures = self.active_exposures

        capacity_fen = self.capacity_fen

        compensated_fen = self.compensated_fen

        compensation_rate_bp = self.compensation_rate_bp

        compensation_rate_year_bp = self.compensation_rate_year_bp

        headroom_fen = self.headroom_fen

        institution_id = self.institution_id

        leverage_multiple = self.leverage_multiple

        liability_fen = self.liability_fen

        net_assets_fen = self.net_assets_fen

        recovered_fen = self.recovered_fen

        single_client_cap_fen = self.single_client_cap_fen

        tier: str = self.tier

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_exposures": active_exposures,
                "capacity_fen": capacity_fen,
                "compensated_fen": compensated_fen,
                "compensation_rate_bp": compensation_rate_bp,
                "compensation_rate_year_bp": compensation_rate_year_bp,
                "headroom_fen": headroom_fen,
                "institution_id": institution_id,
                "leverage_multiple": leverage_multiple,
                "liability_fen": liability_fen,
                "net_assets_fen": net_assets_fen,
                "recovered_fen": recovered_fen,
                "single_client_cap_fen": single_client_cap_fen,
                "tier": tier,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active_exposures = d.pop("active_exposures")

        capacity_fen = d.pop("capacity_fen")

        compensated_fen = d.pop("compensated_fen")

        compensation_rate_bp = d.pop("compensation_rate_bp")

        compensation_rate_year_bp = d.pop("compensation_rate_year_bp")

        headroom_fen = d.pop("headroom_fen")

        institution_id = d.pop("institution_id")

        leverage_multiple = d.pop("leverage_multiple")

        liability_fen = d.pop("liability_fen")

        net_assets_fen = d.pop("net_assets_fen")

        recovered_fen = d.pop("recovered_fen")

        single_client_cap_fen = d.pop("single_client_cap_fen")

        tier = check_position_tier(d.pop("tier"))

        year = d.pop("year")

        position = cls(
            active_exposures=active_exposures,
            capacity_fen=capacity_fen,
            compensated_fen=compensated_fen,
            compensation_rate_bp=compensation_rate_bp,
            compensation_rate_year_bp=compensation_rate_year_bp,
            headroom_fen=headroom_fen,
            institution_id=institution_id,
            leverage_multiple=leverage_multiple,
            liability_fen=liability_fen,
            net_assets_fen=net_assets_fen,
            recovered_fen=recovered_fen,
            single_client_cap_fen=single_client_cap_fen,
            tier=tier,
            year=year,
        )

        position.additional_properties = d
        return position

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
