from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.profile_collateral_item import (
    ProfileCollateralItem,
    check_profile_collateral_item,
)
from ..models.profile_flags_item import ProfileFlagsItem, check_profile_flags_item
from ..models.profile_size import ProfileSize, check_profile_size
from ..types import UNSET, Unset

T = TypeVar("T", bound="Profile")


@_attrs_define
class Profile:
    """
    Attributes:
        created_at (datetime.datetime):
        employees (int):
        established_on (datetime.date):
        industry_code (str): The GB/T 4754-2017 industry code; it picks the size row of 工信部联企业〔2011〕300号.
        name (str):
        region_code (str): A 6-digit GB/T 2260 division code.
        revenue_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT §1).
        size (ProfileSize):
        size_basis (str):
        total_assets_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT
            §1).
        updated_at (datetime.datetime):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
        collateral (list[ProfileCollateralItem] | Unset): Kinds of collateral.
        flags (list[ProfileFlagsItem] | Unset): 高新技术企业 (high_tech), 专精特新 (specialized_sme), 农业产业化龙头 (agri_leading).
    """

    created_at: datetime.datetime
    employees: int
    established_on: datetime.date
    industry_code: str
    name: str
    region_code: str
    revenue_fen: int
    size: ProfileSize
    size_basis: str
    total_assets_fen: int
    updated_at: datetime.datetime
    uscc: str
    collateral: list[ProfileCollateralItem] | Unset = UNSET
    flags: list[ProfileFlagsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        employees = self.employees

        established_on = self.established_on.isoformat()

        industry_code = self.industry_code

        name = self.name

        region_code = self.region_code

        revenue_fen = self.revenue_fen

        size: str = self.size

        size_basis = self.size_basis

        total_assets_fen = self.total_assets_fen

        updated_at = self.updated_at.isoformat()

        uscc = self.uscc

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
                "created_at": created_at,
                "employees": employees,
                "established_on": established_on,
                "industry_code": industry_code,
                "name": name,
                "region_code": region_code,
                "revenue_fen": revenue_fen,
                "size": size,
                "size_basis": size_basis,
                "total_assets_fen": total_assets_fen,
                "updated_at": updated_at,
                "uscc": uscc,
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
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        employees = d.pop("employees")

        established_on = datetime.date.fromisoformat(d.pop("established_on"))

        industry_code = d.pop("industry_code")

        name = d.pop("name")

        region_code = d.pop("region_code")

        revenue_fen = d.pop("revenue_fen")

        size = check_profile_size(d.pop("size"))

        size_basis = d.pop("size_basis")

        total_assets_fen = d.pop("total_assets_fen")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        uscc = d.pop("uscc")

        _collateral = d.pop("collateral", UNSET)
        collateral: list[ProfileCollateralItem] | Unset = UNSET
        if _collateral is not UNSET:
            collateral = []
            for collateral_item_data in _collateral:
                collateral_item = check_profile_collateral_item(collateral_item_data)

                collateral.append(collateral_item)

        _flags = d.pop("flags", UNSET)
        flags: list[ProfileFlagsItem] | Unset = UNSET
        if _flags is not UNSET:
            flags = []
            for flags_item_data in _flags:
                flags_item = check_profile_flags_item(flags_item_data)

                flags.append(flags_item)

        profile = cls(
            created_at=created_at,
            employees=employees,
            established_on=established_on,
            industry_code=industry_code,
            name=name,
            region_code=region_code,
            revenue_fen=revenue_fen,
            size=size,
            size_basis=size_basis,
            total_assets_fen=total_assets_fen,
            updated_at=updated_at,
            uscc=uscc,
            collateral=collateral,
            flags=flags,
        )

        return profile
