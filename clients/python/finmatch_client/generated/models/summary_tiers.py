from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tier_figures import TierFigures


T = TypeVar("T", bound="SummaryTiers")


@_attrs_define
class SummaryTiers:
    """
    Attributes:
        local (TierFigures): One tier over the report's scope; compensated and recovered add up its positions.
        national_fund (TierFigures): One tier over the report's scope; compensated and recovered add up its positions.
        provincial (TierFigures): One tier over the report's scope; compensated and recovered add up its positions.
    """

    local: TierFigures
    national_fund: TierFigures
    provincial: TierFigures
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        local = self.local.to_dict()

        national_fund = self.national_fund.to_dict()

        provincial = self.provincial.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "local": local,
                "national_fund": national_fund,
                "provincial": provincial,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tier_figures import TierFigures

        d = dict(src_dict)
        local = TierFigures.from_dict(d.pop("local"))

        national_fund = TierFigures.from_dict(d.pop("national_fund"))

        provincial = TierFigures.from_dict(d.pop("provincial"))

        summary_tiers = cls(
            local=local,
            national_fund=national_fund,
            provincial=provincial,
        )

        summary_tiers.additional_properties = d
        return summary_tiers

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
