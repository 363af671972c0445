from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_created_min_rating_type_0 import (
    SubscriptionCreatedMinRatingType0,
    check_subscription_created_min_rating_type_0,
)
from ..models.subscription_created_status import (
    SubscriptionCreatedStatus,
    check_subscription_created_status,
)

T = TypeVar("T", bound="SubscriptionCreated")


@_attrs_define
class SubscriptionCreated:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        min_rating (None | SubscriptionCreatedMinRatingType0):
        paused_reason (None | str): Why it paused, e.g. the receiver answered 410.
        region_codes (list[str] | None):
        secret (str): `whsec_` + base64; shown once.
        status (SubscriptionCreatedStatus): `paused`: events addressed meanwhile wait and are sent on resuming.
        updated_at (datetime.datetime):
        url (str):
    """

    created_at: datetime.datetime
    id: UUID
    min_rating: None | SubscriptionCreatedMinRatingType0
    paused_reason: None | str
    region_codes: list[str] | None
    secret: str
    status: SubscriptionCreatedStatus
    updated_at: datetime.datetime
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        min_rating: None | str
        if isinstance(self.min_rating, str):
            min_rating = self.min_rating
        else:
            min_rating = self.min_rating

        paused_reason: None | str
        paused_reason = self.paused_reason

        region_codes: list[str] | None
        if isinstance(self.region_codes, list):
            region_codes = self.region_codes

        else:
            region_codes = self.region_codes

        secret = self.secret

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "min_rating": min_rating,
                "paused_reason": paused_reason,
                "region_codes": region_codes,
                "secret": secret,
                "status": status,
                "updated_at": updated_at,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        def _parse_min_rating(data: object) -> None | SubscriptionCreatedMinRatingType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                min_rating_type_0 = check_subscription_created_min_rating_type_0(data)

                return min_rating_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionCreatedMinRatingType0, data)

        min_rating = _parse_min_rating(d.pop("min_rating"))

        def _parse_paused_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paused_reason = _parse_paused_reason(d.pop("paused_reason"))

        def _parse_region_codes(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                region_codes_type_0 = cast(list[str], data)

                return region_codes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        region_codes = _parse_region_codes(d.pop("region_codes"))

        secret = d.pop("secret")

        status = check_subscription_created_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        url = d.pop("url")

        subscription_created = cls(
            created_at=created_at,
            id=id,
            min_rating=min_rating,
            paused_reason=paused_reason,
            region_codes=region_codes,
            secret=secret,
            status=status,
            updated_at=updated_at,
            url=url,
        )

        subscription_created.additional_properties = d
        return subscription_created

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
