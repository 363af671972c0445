from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.region_breakdown import RegionBreakdown


T = TypeVar("T", bound="StatsOutByRegion")


@_attrs_define
class StatsOutByRegion:
    """Per 市州 (6-digit `xxxx00` code)."""

    additional_properties: dict[str, RegionBreakdown] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.region_breakdown import RegionBreakdown

        d = dict(src_dict)
        stats_out_by_region = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = RegionBreakdown.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        stats_out_by_region.additional_properties = additional_properties
        return stats_out_by_region

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> RegionBreakdown:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: RegionBreakdown) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
