from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.profile_in_collateral_item import (
    ProfileInCollateralItem,
    check_profile_in_collateral_item,
)
from ..models.profile_in_flags_item import (
    ProfileInFlagsItem,
    check_profile_in_flags_item,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProfileIn")


@_attrs_define
class ProfileIn:
    """An enterprise as a partner app knows it; size is computed from it.

    Attributes:
        employees (int):
        established_on (datetime.date):
        industry_code (str): The GB/T 4754-2017 industry code; it picks the size row of 工信部联企业〔2011〕300号.
        name (str):
        region_code (str): A 6-digit GB/T 2260 division code.
        revenue_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT §1).
        total_assets_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT
            §1).
        collateral (list[ProfileInCollateralItem] | Unset): Kinds of collateral.
        flags (list[ProfileInFlagsItem] | Unset): 高新技术企业 (high_tech), 专精特新 (specialized_sme), 农业产业化龙头 (agri_leading).
    """

    employees: int
    established_on: datetime.date
    industry_code: str
    name: str
    region_code: str
    revenue_fen: int
    total_assets_fen: int
    collateral: list[ProfileInCollateralItem] | Unset = UNSET
    flags: list[ProfileInFlagsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        employees = self.employees

        established_on = self.established_on.isoformat()

        industry_code = self.industry_code

        name = self.name

        region_code = self.region_code

        revenue_fen = self.revenue_fen

        total_assets_fen = self.total_assets_fen

        collateral: list[str] | Unset = UNSET
        if not isinstance(self.collateral, Unset):
            collateral = []
            for collateral_item_data in self.collateral:
                collateral_item: str = collateral_item_data
                collateral.append(collateral_item)

        flags: list[str] | Unset = UNSET
        if not isinstance(self.flags, Unset):
            flags = []
            for flags_item_data in self.flags:
                flags_item: str = flags_item_data
                flags.append(flags_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "employees": employees,
                "established_on": established_on,
                "industry_code": industry_code,
                "name": name,
                "region_code": region_code,
                "revenue_fen": revenue_fen,
                "total_assets_fen": total_assets_fen,
            }
        )
        if collateral is not UNSET:
            field_dict["collateral"] = collateral
        if flags is not UNSET:
            field_dict["flags"] = flags

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        employees = d.pop("employees")

        established_on = datetime.date.fromisoformat(d.pop("established_on"))

        industry_code = d.pop("industry_code")

        name = d.pop("name")

        region_code = d.pop("region_code")

        revenue_fen = d.pop("revenue_fen")

        total_assets_fen = d.pop("total_assets_fen")

        _collateral = d.pop("collateral", UNSET)
        collateral: list[ProfileInCollateralItem] | Unset = UNSET
        if _collateral is not UNSET:
            collateral = []
            for collateral_item_data in _collateral:
                collateral_item = check_profile_in_collateral_item(collateral_item_data)

                collateral.append(collateral_item)

        _flags = d.pop("flags", UNSET)
        flags: list[ProfileInFlagsItem] | Unset = UNSET
        if _flags is not UNSET:
            flags = []
            for flags_item_data in _flags:
                flags_item = check_profile_in_flags_item(flags_item_data)

                flags.append(flags_item)

        profile_in = cls(
            employees=employees,
            established_on=established_on,
            industry_code=industry_code,
            name=name,
            region_code=region_code,
            revenue_fen=revenue_fen,
            total_assets_fen=total_assets_fen,
            collateral=collateral,
            flags=flags,
        )

        return profile_in
