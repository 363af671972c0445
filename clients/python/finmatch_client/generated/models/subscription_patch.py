from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subscription_patch_min_rating_type_0 import (
    SubscriptionPatchMinRatingType0,
    check_subscription_patch_min_rating_type_0,
)
from ..models.subscription_patch_status_type_0 import (
    SubscriptionPatchStatusType0,
    check_subscription_patch_status_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionPatch")


@_attrs_define
class SubscriptionPatch:
    """
    Attributes:
        min_rating (None | SubscriptionPatchMinRatingType0 | Unset):
        region_codes (list[str] | None | Unset):
        status (None | SubscriptionPatchStatusType0 | Unset):
        url (None | str | Unset):
    """

    min_rating: None | SubscriptionPatchMinRatingType0 | Unset = UNSET
    region_codes: list[str] | None | Unset = UNSET
    status: None | SubscriptionPatchStatusType0 | Unset = UNSET
    url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if min_rating is not UNSET:
            field_dict["min_rating"] = min_rating
        if region_codes is not UNSET:
            field_dict["region_codes"] = region_codes
        if status is not UNSET:
            field_dict["status"] = status
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_min_rating(
            data: object,
        ) -> None | SubscriptionPatchMinRatingType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                min_rating_type_0 = check_subscription_patch_min_rating_type_0(data)

                return min_rating_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionPatchMinRatingType0 | Unset, data)

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

        def _parse_status(data: object) -> None | SubscriptionPatchStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_subscription_patch_status_type_0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionPatchStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        subscription_patch = cls(
            min_rating=min_rating,
            region_codes=region_codes,
            status=status,
            url=url,
        )

        return subscription_patch
