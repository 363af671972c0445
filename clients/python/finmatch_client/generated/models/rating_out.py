from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rating_out_rating import RatingOutRating, check_rating_out_rating
from ..types import UNSET, Unset

T = TypeVar("T", bound="RatingOut")


@_attrs_define
class RatingOut:
    """
    Attributes:
        name (str):
        rating (RatingOutRating): 纳税信用级别 A, B, M, C or D (公告2025年第12号; M since 公告2018年第8号).
        updated_at (datetime.datetime):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
        version (int): 1 for the year's first rating; each correction adds 1.
        year (int): The evaluation year the rating is for.
        avg_annual_tax_fen (int | None | Unset): Only for the tax authority, admins and banks holding a consent.
        blacklisted (bool | Unset): On the 红黑榜 now: `rating` is then D (国家税务总局令第54号). Default: False.
    """

    name: str
    rating: RatingOutRating
    updated_at: datetime.datetime
    uscc: str
    version: int
    year: int
    avg_annual_tax_fen: int | None | Unset = UNSET
    blacklisted: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        rating: str = self.rating

        updated_at = self.updated_at.isoformat()

        uscc = self.uscc

        version = self.version

        year = self.year

        avg_annual_tax_fen: int | None | Unset
        if isinstance(self.avg_annual_tax_fen, Unset):
            avg_annual_tax_fen = UNSET
        else:
            avg_annual_tax_fen = self.avg_annual_tax_fen

        blacklisted = self.blacklisted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "rating": rating,
                "updated_at": updated_at,
                "uscc": uscc,
                "version": version,
                "year": year,
            }
        )
        if avg_annual_tax_fen is not UNSET:
            field_dict["avg_annual_tax_fen"] = avg_annual_tax_fen
        if blacklisted is not UNSET:
            field_dict["blacklisted"] = blacklisted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        rating = check_rating_out_rating(d.pop("rating"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        uscc = d.pop("uscc")

        version = d.pop("version")

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

        blacklisted = d.pop("blacklisted", UNSET)

        rating_out = cls(
            name=name,
            rating=rating,
            updated_at=updated_at,
            uscc=uscc,
            version=version,
            year=year,
            avg_annual_tax_fen=avg_annual_tax_fen,
            blacklisted=blacklisted,
        )

        rating_out.additional_properties = d
        return rating_out

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
