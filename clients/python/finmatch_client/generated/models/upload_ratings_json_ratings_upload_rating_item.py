from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_ratings_json_ratings_upload_rating_item_rating import (
    UploadRatingsJsonRatingsUploadRatingItemRating,
    check_upload_ratings_json_ratings_upload_rating_item_rating,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadRatingsJsonRatingsUploadRatingItem")


@_attrs_define
class UploadRatingsJsonRatingsUploadRatingItem:
    """One item of an upload; an invalid item is rejected on its own, the rest are stored.

    Attributes:
        name (str):
        rating (UploadRatingsJsonRatingsUploadRatingItemRating): 纳税信用级别 A, B, M, C or D (公告2025年第12号; M since
            公告2018年第8号).
        uscc (str): 统一社会信用代码 (GB 32100); lower case is normalised.
        year (int): Evaluation year, 2014 to the previous calendar year.
        avg_annual_tax_fen (int | None | Unset): Average annual tax paid, fen.
        region_code (None | str | Unset): 6-digit GB/T 2260 code.
        small_micro (bool | None | Unset): The tax authority's small-micro mark; decides 受益户数比例 (CONTRACT §3).
    """

    name: str
    rating: UploadRatingsJsonRatingsUploadRatingItemRating
    uscc: str
    year: int
    avg_annual_tax_fen: int | None | Unset = UNSET
    region_code: None | str | Unset = UNSET
    small_micro: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        rating: str = self.rating

        uscc = self.uscc

        year = self.year

        avg_annual_tax_fen: int | None | Unset
        if isinstance(self.avg_annual_tax_fen, Unset):
            avg_annual_tax_fen = UNSET
        else:
            avg_annual_tax_fen = self.avg_annual_tax_fen

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        small_micro: bool | None | Unset
        if isinstance(self.small_micro, Unset):
            small_micro = UNSET
        else:
            small_micro = self.small_micro

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "rating": rating,
                "uscc": uscc,
                "year": year,
            }
        )
        if avg_annual_tax_fen is not UNSET:
            field_dict["avg_annual_tax_fen"] = avg_annual_tax_fen
        if region_code is not UNSET:
            field_dict["region_code"] = region_code
        if small_micro is not UNSET:
            field_dict["small_micro"] = small_micro

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        rating = check_upload_ratings_json_ratings_upload_rating_item_rating(
            d.pop("rating")
        )

        uscc = d.pop("uscc")

        year = d.pop("year")

        def _parse_avg_annual_tax_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        avg_annual_tax_fen = _parse_avg_annual_tax_fen(
            d.pop("avg_annual_tax_fen", UNSET)
        )

        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))

        def _parse_small_micro(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        small_micro = _parse_small_micro(d.pop("small_micro", UNSET))

        upload_ratings_json_ratings_upload_rating_item = cls(
            name=name,
            rating=rating,
            uscc=uscc,
            year=year,
            avg_annual_tax_fen=avg_annual_tax_fen,
            region_code=region_code,
            small_micro=small_micro,
        )

        upload_ratings_json_ratings_upload_rating_item.additional_properties = d
        return upload_ratings_json_ratings_upload_rating_item

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
