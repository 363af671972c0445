from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnterpriseSummary")


@_attrs_define
class EnterpriseSummary:
    """
    Attributes:
        industry_code (str):
        name (str):
        region_code (str):
        size (str):
    """

    industry_code: str
    name: str
    region_code: str
    size: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        industry_code = self.industry_code

        name = self.name

        region_code = self.region_code

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "industry_code": industry_code,
                "name": name,
                "region_code": region_code,
                "size": size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        industry_code = d.pop("industry_code")

        name = d.pop("name")

        region_code = d.pop("region_code")

        size = d.pop("size")

        enterprise_summary = cls(
            industry_code=industry_code,
            name=name,
            region_code=region_code,
            size=size,
        )

        enterprise_summary.additional_properties = d
        return enterprise_summary

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
