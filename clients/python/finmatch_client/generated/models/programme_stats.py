from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.programme_stats_by_bank import ProgrammeStatsByBank
    from ..models.programme_stats_by_month import ProgrammeStatsByMonth
    from ..models.programme_stats_by_programme import ProgrammeStatsByProgramme
    from ..models.programme_stats_by_region import ProgrammeStatsByRegion
    from ..models.programme_stats_by_year import ProgrammeStatsByYear
    from ..models.programme_stats_refused_by_reason import ProgrammeStatsRefusedByReason


T = TypeVar("T", bound="ProgrammeStats")


@_attrs_define
class ProgrammeStats:
    """Subsidy programmes (CONTRACT §6): claims of the period, budgets at the snapshot day.

    Attributes:
        approved_count (int):
        as_of (datetime.date):
        budget_fen (int): Budget, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        by_bank (ProgrammeStatsByBank):
        by_month (ProgrammeStatsByMonth):
        by_programme (ProgrammeStatsByProgramme):
        by_region (ProgrammeStatsByRegion):
        by_year (ProgrammeStatsByYear): Budgets per programme year.
        claimed_fen (int): Interest or fee paid that the filed claims are for.
        claims_filed (int):
        paid_fen (int): Subsidy paid by the approvals of the period.
        paid_to_date_fen (int): Paid to date, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        pending_count (int):
        programmes (int):
        refused_by_reason (ProgrammeStatsRefusedByReason): Refusals of the period by reason.
        refused_count (int):
        remaining_budget_fen (int): Remaining budget, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        from_ (datetime.date | None | Unset):
        region_code (None | str | Unset): Narrows the claims (not the budgets).
        to (datetime.date | None | Unset):
    """

    approved_count: int
    as_of: datetime.date
    budget_fen: int
    by_bank: ProgrammeStatsByBank
    by_month: ProgrammeStatsByMonth
    by_programme: ProgrammeStatsByProgramme
    by_region: ProgrammeStatsByRegion
    by_year: ProgrammeStatsByYear
    claimed_fen: int
    claims_filed: int
    paid_fen: int
    paid_to_date_fen: int
    pending_count: int
    programmes: int
    refused_by_reason: ProgrammeStatsRefusedByReason
    refused_count: int
    remaining_budget_fen: int
    from_: datetime.date | None | Unset = UNSET
    region_code: None | str | Unset = UNSET
    to: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_count = self.approved_count

        as_of = self.as_of.isoformat()

        budget_fen = self.budget_fen

        by_bank = self.by_bank.to_dict()

        by_month = self.by_month.to_dict()

        by_programme = self.by_programme.to_dict()

        by_region = self.by_region.to_dict()

        by_year = self.by_year.to_dict()

        claimed_fen = self.claimed_fen

        claims_filed = self.claims_filed

        paid_fen = self.paid_fen

        paid_to_date_fen = self.paid_to_date_fen

        pending_count = self.pending_count

        programmes = self.programmes

        refused_by_reason = self.refused_by_reason.to_dict()

        refused_count = self.refused_count

        remaining_budget_fen = self.remaining_budget_fen

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        to: None | str | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        elif isinstance(self.to, datetime.date):
            to = self.to.isoformat()
        else:
            to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_count": approved_count,
                "as_of": as_of,
                "budget_fen": budget_fen,
                "by_bank": by_bank,
                "by_month": by_month,
                "by_programme": by_programme,
                "by_region": by_region,
                "by_year": by_year,
                "claimed_fen": claimed_fen,
                "claims_filed": claims_filed,
                "paid_fen": paid_fen,
                "paid_to_date_fen": paid_to_date_fen,
                "pending_count": pending_count,
                "programmes": programmes,
                "refused_by_reason": refused_by_reason,
                "refused_count": refused_count,
                "remaining_budget_fen": remaining_budget_fen,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if region_code is not UNSET:
            field_dict["region_code"] = region_code
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.programme_stats_by_bank import ProgrammeStatsByBank
        from ..models.programme_stats_by_month import ProgrammeStatsByMonth
        from ..models.programme_stats_by_programme import ProgrammeStatsByProgramme
        from ..models.programme_stats_by_region import ProgrammeStatsByRegion
        from ..models.programme_stats_by_year import ProgrammeStatsByYear
        from ..models.programme_stats_refused_by_reason import (
            ProgrammeStatsRefusedByReason,
        )

        d = dict(src_dict)
        approved_count = d.pop("approved_count")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        budget_fen = d.pop("budget_fen")

        by_bank = ProgrammeStatsByBank.from_dict(d.pop("by_bank"))

        by_month = ProgrammeStatsByMonth.from_dict(d.pop("by_month"))

        by_programme = ProgrammeStatsByProgramme.from_dict(d.pop("by_programme"))

        by_region = ProgrammeStatsByRegion.from_dict(d.pop("by_region"))

        by_year = ProgrammeStatsByYear.from_dict(d.pop("by_year"))

        claimed_fen = d.pop("claimed_fen")

        claims_filed = d.pop("claims_filed")

        paid_fen = d.pop("paid_fen")

        paid_to_date_fen = d.pop("paid_to_date_fen")

        pending_count = d.pop("pending_count")

        programmes = d.pop("programmes")

        refused_by_reason = ProgrammeStatsRefusedByReason.from_dict(
            d.pop("refused_by_reason")
        )

        refused_count = d.pop("refused_count")

        remaining_budget_fen = d.pop("remaining_budget_fen")

        def _parse_from_(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))

        def _parse_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_type_0 = datetime.date.fromisoformat(data)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        programme_stats = cls(
            approved_count=approved_count,
            as_of=as_of,
            budget_fen=budget_fen,
            by_bank=by_bank,
            by_month=by_month,
            by_programme=by_programme,
            by_region=by_region,
            by_year=by_year,
            claimed_fen=claimed_fen,
            claims_filed=claims_filed,
            paid_fen=paid_fen,
            paid_to_date_fen=paid_to_date_fen,
            pending_count=pending_count,
            programmes=programmes,
            refused_by_reason=refused_by_reason,
            refused_count=refused_count,
            remaining_budget_fen=remaining_budget_fen,
            from_=from_,
            region_code=region_code,
            to=to,
        )

        programme_stats.additional_properties = d
        return programme_stats

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
