from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.programme_kind import ProgrammeKind, check_programme_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.eligibility import Eligibility
    from ..models.figure import Figure


T = TypeVar("T", bound="Programme")


@_attrs_define
class Programme:
    """
    Attributes:
        approved_count (int):
        budget_fen (int): Budget, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        cap_per_enterprise_year_fen (int | None): Cap per enterprise year, in fen (分; 100 fen = 1 yuan), an integer,
            never a float.
        cap_per_item_fen (int | None): Cap per item, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        created_at (datetime.datetime):
        eligible (Eligibility): Who a programme is for; an empty or absent list means any.
        fund_manager_org_id (str):
        id (str):
        kind (ProgrammeKind):
        name (str):
        paid_fen (int): Paid, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        refused_count (int):
        remaining_budget_fen (int): Remaining budget, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        share_bp (int): Share, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        year (int):
        by_month (list[Figure] | None | Unset): Paid by month of approval (YYYY-MM, Asia/Shanghai); single read.
        by_region (list[Figure] | None | Unset): Paid by 市州 (region code xxxx00); on the single-programme read.
    """

    approved_count: int
    budget_fen: int
    cap_per_enterprise_year_fen: int | None
    cap_per_item_fen: int | None
    created_at: datetime.datetime
    eligible: Eligibility
    fund_manager_org_id: str
    id: str
    kind: ProgrammeKind
    name: str
    paid_fen: int
    refused_count: int
    remaining_budget_fen: int
    share_bp: int
    year: int
    by_month: list[Figure] | None | Unset = UNSET
    by_region: list[Figure] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_count = self.approved_count

        budget_fen = self.budget_fen

        cap_per_enterprise_year_fen: int | None
        cap_per_enterprise_year_fen = self.cap_per_enterprise_year_fen

        cap_per_item_fen: int | None
        cap_per_item_fen = self.cap_per_item_fen

        created_at = self.created_at.isoformat()

        eligible = self.eligible.to_dict()

        fund_manager_org_id = self.fund_manager_org_id

        id = self.id

        kind: str = self.kind

        name = self.name

        paid_fen = self.paid_fen

        refused_count = self.refused_count

        remaining_budget_fen = self.remaining_budget_fen

        share_bp = self.share_bp

        year = self.year

        by_month: list[dict[str, Any]] | None | Unset
        if isinstance(self.by_month, Unset):
            by_month = UNSET
        elif isinstance(self.by_month, list):
            by_month = []
            for by_month_type_0_item_data in self.by_month:
                by_month_type_0_item = by_month_type_0_item_data.to_dict()
                by_month.append(by_month_type_0_item)

        else:
            by_month = self.by_month

        by_region: list[dict[str, Any]] | None | Unset
        if isinstance(self.by_region, Unset):
            by_region = UNSET
        elif isinstance(self.by_region, list):
            by_region = []
            for by_region_type_0_item_data in self.by_region:
                by_region_type_0_item = by_region_type_0_item_data.to_dict()
                by_region.append(by_region_type_0_item)

        else:
            by_region = self.by_region

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_count": approved_count,
                "budget_fen": budget_fen,
                "cap_per_enterprise_year_fen": cap_per_enterprise_year_fen,
                "cap_per_item_fen": cap_per_item_fen,
                "created_at": created_at,
                "eligible": eligible,
                "fund_manager_org_id": fund_manager_org_id,
                "id": id,
                "kind": kind,
                "name": name,
                "paid_fen": paid_fen,
                "refused_count": refused_count,
                "remaining_budget_fen": remaining_budget_fen,
                "share_bp": share_bp,
                "year": year,
            }
        )
        if by_month is not UNSET:
            field_dict["by_month"] = by_month
        if by_region is not UNSET:
            field_dict["by_region"] = by_region

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.eligibility import Eligibility
        from ..models.figure import Figure

        d = dict(src_dict)
        approved_count = d.pop("approved_count")

        budget_fen = d.pop("budget_fen")

        def _parse_cap_per_enterprise_year_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cap_per_enterprise_year_fen = _parse_cap_per_enterprise_year_fen(
            d.pop("cap_per_enterprise_year_fen")
        )

        def _parse_cap_per_item_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cap_per_item_fen = _parse_cap_per_item_fen(d.pop("cap_per_item_fen"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        eligible = Eligibility.from_dict(d.pop("eligible"))

        fund_manager_org_id = d.pop("fund_manager_org_id")

        id = d.pop("id")

        kind = check_programme_kind(d.pop("kind"))

        name = d.pop("name")

        paid_fen = d.pop("paid_fen")

        refused_count = d.pop("refused_count")

        remaining_budget_fen = d.pop("remaining_budget_fen")

        share_bp = d.pop("share_bp")

        year = d.pop("year")

        def _parse_by_month(data: object) -> list[Figure] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                by_month_type_0 = []
                _by_month_type_0 = data
                for by_month_type_0_item_data in _by_month_type_0:
                    by_month_type_0_item = Figure.from_dict(by_month_type_0_item_data)

                    by_month_type_0.append(by_month_type_0_item)

                return by_month_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Figure] | None | Unset, data)

        by_month = _parse_by_month(d.pop("by_month", UNSET))

        def _parse_by_region(data: object) -> list[Figure] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                by_region_type_0 = []
                _by_region_type_0 = data
                for by_region_type_0_item_data in _by_region_type_0:
                    by_region_type_0_item = Figure.from_dict(by_region_type_0_item_data)

                    by_region_type_0.append(by_region_type_0_item)

                return by_region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Figure] | None | Unset, data)

        by_region = _parse_by_region(d.pop("by_region", UNSET))

        programme = cls(
            approved_count=approved_count,
            budget_fen=budget_fen,
            cap_per_enterprise_year_fen=cap_per_enterprise_year_fen,
            cap_per_item_fen=cap_per_item_fen,
            created_at=created_at,
            eligible=eligible,
            fund_manager_org_id=fund_manager_org_id,
            id=id,
            kind=kind,
            name=name,
            paid_fen=paid_fen,
            refused_count=refused_count,
            remaining_budget_fen=remaining_budget_fen,
            share_bp=share_bp,
            year=year,
            by_month=by_month,
            by_region=by_region,
        )

        programme.additional_properties = d
        return programme

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
