from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.excluded import Excluded
    from ..models.match import Match
    from ..models.rating_shown import RatingShown


T = TypeVar("T", bound="QueryResult")


@_attrs_define
class QueryResult:
    """The answer of a query: ``matches`` holds the first ``limit`` in ranking order and
    ``total_matches`` counts them all (CONTRACT §5).

        Attributes:
            degraded (list[str]):
            excluded (list[Excluded]):
            matches (list[Match]):
            rating (None | RatingShown):
            size (str):
            total_matches (int):
            uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
                character is its MOD 31 check character).
    """

    degraded: list[str]
    excluded: list[Excluded]
    matches: list[Match]
    rating: None | RatingShown
    size: str
    total_matches: int
    uscc: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.rating_shown import RatingShown

        degraded = self.degraded

        excluded = []
        for excluded_item_data in self.excluded:
            excluded_item = excluded_item_data.to_dict()
            excluded.append(excluded_item)

        matches = []
        for matches_item_data in self.matches:
            matches_item = matches_item_data.to_dict()
            matches.append(matches_item)

        rating: dict[str, Any] | None
        if isinstance(self.rating, RatingShown):
            rating = self.rating.to_dict()
        else:
            rating = self.rating

        size = self.size

        total_matches = self.total_matches

        uscc = self.uscc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "degraded": degraded,
                "excluded": excluded,
                "matches": matches,
                "rating": rating,
                "size": size,
                "total_matches": total_matches,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.excluded import Excluded
        from ..models.match import Match
        from ..models.rating_shown import RatingShown

        d = dict(src_dict)
        degraded = cast(list[str], d.pop("degraded"))

        excluded = []
        _excluded = d.pop("excluded")
        for excluded_item_data in _excluded:
            excluded_item = Excluded.from_dict(excluded_item_data)

            excluded.append(excluded_item)

        matches = []
        _matches = d.pop("matches")
        for matches_item_data in _matches:
            matches_item = Match.from_dict(matches_item_data)

            matches.append(matches_item)

        def _parse_rating(data: object) -> None | RatingShown:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rating_type_0 = RatingShown.from_dict(data)

                return rating_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RatingShown, data)

        rating = _parse_rating(d.pop("rating"))

        size = d.pop("size")

        total_matches = d.pop("total_matches")

        uscc = d.pop("uscc")

        query_result = cls(
            degraded=degraded,
            excluded=excluded,
            matches=matches,
            rating=rating,
            size=size,
            total_matches=total_matches,
            uscc=uscc,
        )

        query_result.additional_properties = d
        return query_result

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
