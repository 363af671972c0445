from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.year_ratings_by_level import YearRatingsByLevel


T = TypeVar("T", bound="YearRatings")


@_attrs_define
class YearRatings:
    """
    Attributes:
        by_level (YearRatingsByLevel): Per level (A, B, M, C, D).
        enterprises (int): Enterprises with a rating of this evaluation year.
    """

    by_level: YearRatingsByLevel
    enterprises: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_level = self.by_level.to_dict()

        enterprises = self.enterprises

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_level": by_level,
                "enterprises": enterprises,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.year_ratings_by_level import YearRatingsByLevel

        d = dict(src_dict)
        by_level = YearRatingsByLevel.from_dict(d.pop("by_level"))

        enterprises = d.pop("enterprises")

        year_ratings = cls(
            by_level=by_level,
            enterprises=enterprises,
        )

        year_ratings.additional_properties = d
        return year_ratings

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
