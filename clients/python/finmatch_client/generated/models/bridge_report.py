from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bridge_report_by_bank import BridgeReportByBank
    from ..models.bridge_report_by_fund import BridgeReportByFund
    from ..models.bridge_report_by_month import BridgeReportByMonth
    from ..models.bridge_report_by_region import BridgeReportByRegion


T = TypeVar("T", bound="BridgeReport")


@_attrs_define
class BridgeReport:
    """Bridge (续贷转贷) funds: positions as of the snapshot day, flows of the period.

    Attributes:
        active_loans (int):
        as_of (datetime.date):
        available_fen (int): Available, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        by_bank (BridgeReportByBank):
        by_fund (BridgeReportByFund):
        by_month (BridgeReportByMonth):
        by_region (BridgeReportByRegion):
        fees_fen (int): Fees of the loans that started in the period.
        funds (int):
        lent_fen (int): Lent, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        loans_out (int): Bridge loans that started in the period.
        loans_returned (int): Bridge loans repaid in the period (the renewal came).
        outstanding_fen (int): Outstanding, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_fen (int): Overdue, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_loans (int):
        returned_fen (int): Returned, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        size_fen (int): Size, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        from_ (datetime.date | None | Unset):
        region_code (None | str | Unset): Narrows the flows (by the USCC's 市州).
        to (datetime.date | None | Unset):
    """

    active_loans: int
    as_of: datetime.date
    available_fen: int
    by_bank: BridgeReportByBank
    by_fund: BridgeReportByFund
    by_month: BridgeReportByMonth
    by_region: BridgeReportByRegion
    fees_fen: int
    funds: int
    lent_fen: int
    loans_out: int
    loans_returned: int
    outstanding_fen: int
    overdue_fen: int
    overdue_loans: int
    returned_fen: int
    size_fen: int
    from_: datetime.date | None | Unset = UNSET
    region_code: None | str | Unset = UNSET
    to: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_loans = self.active_loans

        as_of = self.as_of.isoformat()

        available_fen = self.available_fen

        by_bank = self.by_bank.to_dict()

        by_fund = self.by_fund.to_dict()

        by_month = self.by_month.to_dict()

        by_region = self.by_region.to_dict()

        fees_fen = self.fees_fen

        funds = self.funds

        lent_fen = self.lent_fen

        loans_out = self.loans_out

        loans_returned = self.loans_returned

        outstanding_fen = self.outstanding_fen

        overdue_fen = self.overdue_fen

        overdue_loans = self.overdue_loans

        returned_fen = self.returned_fen

        size_fen = self.size_fen

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
                "active_loans": active_loans,
                "as_of": as_of,
                "available_fen": available_fen,
                "by_bank": by_bank,
                "by_fund": by_fund,
                "by_month": by_month,
                "by_region": by_region,
                "fees_fen": fees_fen,
                "funds": funds,
                "lent_fen": lent_fen,
                "loans_out": loans_out,
                "loans_returned": loans_returned,
                "outstanding_fen": outstanding_fen,
                "overdue_fen": overdue_fen,
                "overdue_loans": overdue_loans,
                "returned_fen": returned_fen,
                "size_fen": size_fen,
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
        from ..models.bridge_report_by_bank import BridgeReportByBank
        from ..models.bridge_report_by_fund import BridgeReportByFund
        from ..models.bridge_report_by_month import BridgeReportByMonth
        from ..models.bridge_report_by_region import BridgeReportByRegion

        d = dict(src_dict)
        active_loans = d.pop("active_loans")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        available_fen = d.pop("available_fen")

        by_bank = BridgeReportByBank.from_dict(d.pop("by_bank"))

        by_fund = BridgeReportByFund.from_dict(d.pop("by_fund"))

        by_month = BridgeReportByMonth.from_dict(d.pop("by_month"))

        by_region = BridgeReportByRegion.from_dict(d.pop("by_region"))

        fees_fen = d.pop("fees_fen")

        funds = d.pop("funds")

        lent_fen = d.pop("lent_fen")

        loans_out = d.pop("loans_out")

        loans_returned = d.pop("loans_returned")

        outstanding_fen = d.pop("outstanding_fen")

        overdue_fen = d.pop("overdue_fen")

        overdue_loans = d.pop("overdue_loans")

        returned_fen = d.pop("returned_fen")

        size_fen = d.pop("size_fen")

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

        bridge_report = cls(
            active_loans=active_loans,
            as_of=as_of,
            available_fen=available_fen,
            by_bank=by_bank,
            by_fund=by_fund,
            by_month=by_month,
            by_region=by_region,
            fees_fen=fees_fen,
            funds=funds,
            lent_fen=lent_fen,
            loans_out=loans_out,
            loans_returned=loans_returned,
            outstanding_fen=outstanding_fen,
            overdue_fen=overdue_fen,
            overdue_loans=overdue_loans,
            returned_fen=returned_fen,
            size_fen=size_fen,
            from_=from_,
            region_code=region_code,
            to=to,
        )

        bridge_report.additional_properties = d
        return bridge_report

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
