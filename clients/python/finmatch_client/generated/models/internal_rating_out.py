from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.internal_rating_out_rating import (
    InternalRatingOutRating,
    check_internal_rating_out_rating,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="InternalRatingOut")


@_attrs_define
class InternalRatingOut:
    """
    Attributes:
        avg_annual_tax_fen (int | None): Avg annual tax, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        name (str):
        rating (InternalRatingOutRating): 纳税信用级别 A, B, M, C or D (公告2025年第12号; M since 公告2018年第8号).
        updated_at (datetime.datetime):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
        version (int): 1 for the year's first rating; each correction adds 1.
        year (int): The evaluation year the rating is for.
        blacklisted (bool | Unset):  Default: False.
    """

    avg_annual_tax_fen: int | None
    name: str
    rating: InternalRatingOutRating
    updated_at: datetime.datetime
    uscc: str
    version: int
    year: int
    blacklisted: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        avg_annual_tax_fen: int | None
        avg_annual_tax_fen = self.avg_annual_tax_fen

        name = self.name

        rating: str = self.rating

        updated_at = self.updated_at.isoformat()

        uscc = self.uscc

        version = self.version

        year = self.year

        blacklisted = self.blacklisted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "avg_annual_tax_fen": avg_annual_tax_fen,
                "name": name,
                "rating": rating,
                "updated_at": updated_at,
                "uscc": uscc,
                "version": version,
                "year": year,
            }
        )
        if blacklisted is not UNSET:
            field_dict["blacklisted"] = blacklisted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_avg_annual_tax_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        avg_annual_tax_fen = _parse_avg_annual_tax_fen(d.pop("avg_annual_tax_fen"))

        name = d.pop("name")

        rating = check_internal_rating_out_rating(d.pop("rating"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        uscc = d.pop("uscc")

        version = d.pop("version")

        year = d.pop("year")

        blacklisted = d.pop("blacklisted", UNSET)

        internal_rating_out = cls(
            avg_annual_tax_fen=avg_annual_tax_fen,
            name=name,
            rating=rating,
            updated_at=updated_at,
            uscc=uscc,
            version=version,
            year=year,
            blacklisted=blacklisted,
        )

        internal_rating_out.additional_properties = d
        return internal_rating_out

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
