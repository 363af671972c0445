from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subscription_in_min_rating_type_0 import (
    SubscriptionInMinRatingType0,
    check_subscription_in_min_rating_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionIn")


@_attrs_define
class SubscriptionIn:
    """
    Attributes:
        url (str): An https URL on a public address; private, loopback and reserved ones are refused.
        min_rating (None | SubscriptionInMinRatingType0 | Unset): Only published events at this level or better.
        region_codes (list[str] | None | Unset): Only enterprises in these regions (`xx0000` a province, `xxxx00` a
            prefecture).
    """

    url: str
    min_rating: None | SubscriptionInMinRatingType0 | Unset = UNSET
    region_codes: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        min_rating: None | str | Unset
        if isinstance(self.min_rating, Unset):
            min_rating = UNSET
        elif isinstance(self.min_rating, str):
            min_rating = self.min_rating
        else:
            min_rating = self.min_rating

        region_codes: list[str] | None | Unset
        if isinstance(self.region_codes, Unset):
            region_codes = UNSET
        elif isinstance(self.region_codes, list):
            region_codes = self.region_codes

        else:
            region_codes = self.region_codes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if min_rating is not UNSET:
            field_dict["min_rating"] = min_rating
        if region_codes is not UNSET:
            field_dict["region_codes"] = region_codes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        def _parse_min_rating(
            data: object,
        ) -> None | SubscriptionInMinRatingType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                min_rating_type_0 = check_subscription_in_min_rating_type_0(data)

                return min_rating_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionInMinRatingType0 | Unset, data)

        min_rating = _parse_min_rating(d.pop("min_rating", UNSET))

        def _parse_region_codes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                region_codes_type_0 = cast(list[str], data)

                return region_codes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        region_codes = _parse_region_codes(d.pop("region_codes", UNSET))

        subscription_in = cls(
            url=url,
            min_rating=min_rating,
            region_codes=region_codes,
        )

        return subscription_in
