from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Stats")


@_attrs_define
class Stats:
    """
    Attributes:
        accepted (int):
        demands (int):
        enterprises (int):
        overdue (int):
        products (int):
        queries (int):
        responded (int):
    """

    accepted: int
    demands: int
    enterprises: int
    overdue: int
    products: int
    queries: int
    responded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        demands = self.demands

        enterprises = self.enterprises

        overdue = self.overdue

        products = self.products

        queries = self.queries

        responded = self.responded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "demands": demands,
                "enterprises": enterprises,
                "overdue": overdue,
                "products": products,
                "queries": queries,
                "responded": responded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accepted = d.pop("accepted")

        demands = d.pop("demands")

        enterprises = d.pop("enterprises")

        overdue = d.pop("overdue")

        products = d.pop("products")

        queries = d.pop("queries")

        responded = d.pop("responded")

        stats = cls(
            accepted=accepted,
            demands=demands,
            enterprises=enterprises,
            overdue=overdue,
            products=products,
            queries=queries,
            responded=responded,
        )

        stats.additional_properties = d
        return stats

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
