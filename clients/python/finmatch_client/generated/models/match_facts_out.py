from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.match_facts_out_refusal_type_0 import (
    MatchFactsOutRefusalType0,
    check_match_facts_out_refusal_type_0,
)

if TYPE_CHECKING:
    from ..models.internal_rating_out import InternalRatingOut


T = TypeVar("T", bound="MatchFactsOut")


@_attrs_define
class MatchFactsOut:
    """What a match needs from credit_push about an enterprise, in one answer.

    Attributes:
        blacklisted (bool): On the 红黑榜 now (the standing read's answer).
        rating (InternalRatingOut | None): The internal rating read's answer, when the app may see it; else null.
        refusal (MatchFactsOutRefusalType0 | None): Why `rating` is null: the problem slug the internal rating read
            answers 404 with.
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    blacklisted: bool
    rating: InternalRatingOut | None
    refusal: MatchFactsOutRefusalType0 | None
    uscc: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.internal_rating_out import InternalRatingOut

        blacklisted = self.blacklisted

        rating: dict[str, Any] | None
        if isinstance(self.rating, InternalRatingOut):
            rating = self.rating.to_dict()
        else:
            rating = self.rating

        refusal: None | str
        if isinstance(self.refusal, str):
            refusal = self.refusal
        else:
            refusal = self.refusal

        uscc = self.uscc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blacklisted": blacklisted,
                "rating": rating,
                "refusal": refusal,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.internal_rating_out import InternalRatingOut

        d = dict(src_dict)
        blacklisted = d.pop("blacklisted")

        def _parse_rating(data: object) -> InternalRatingOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rating_type_0 = InternalRatingOut.from_dict(data)

                return rating_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InternalRatingOut | None, data)

        rating = _parse_rating(d.pop("rating"))

        def _parse_refusal(data: object) -> MatchFactsOutRefusalType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                refusal_type_0 = check_match_facts_out_refusal_type_0(data)

                return refusal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchFactsOutRefusalType0 | None, data)

        refusal = _parse_refusal(d.pop("refusal"))

        uscc = d.pop("uscc")

        match_facts_out = cls(
            blacklisted=blacklisted,
            rating=rating,
            refusal=refusal,
            uscc=uscc,
        )

        match_facts_out.additional_properties = d
        return match_facts_out

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
