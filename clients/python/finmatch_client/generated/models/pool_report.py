from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pool_report_by_bank import PoolReportByBank
    from ..models.pool_report_by_month import PoolReportByMonth
    from ..models.pool_report_by_pool import PoolReportByPool
    from ..models.pool_report_by_region import PoolReportByRegion


T = TypeVar("T", bound="PoolReport")


@_attrs_define
class PoolReport:
    """Risk-compensation pools: balances as of the snapshot day, flows of the period.

    Attributes:
        as_of (datetime.date):
        balance_fen (int): Balance, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        by_bank (PoolReportByBank):
        by_month (PoolReportByMonth):
        by_pool (PoolReportByPool):
        by_region (PoolReportByRegion):
        compensation_paid_fen (int): Paid by the pool to the banks for those defaults.
        defaulted_fen (int): The defaulted outstanding of the period's defaults.
        defaults (int):
        initial_balance_fen (int): Initial balance, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        loans_registered (int): Pool-covered loans started in the period.
        outstanding_fen (int): Outstanding, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_fen (int): Overdue, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_ratio_bp (int): Overdue ratio, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        pools (int):
        principal_registered_fen (int): Principal registered, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        recovered_fen (int): Recovered by the banks (追偿) in the period.
        recovered_to_pool_fen (int): Of that, what returned to the pool.
        recoveries (int):
        uncovered_fen (int): compensation_bp × defaulted outstanding the balance did not cover.
        from_ (datetime.date | None | Unset):
        region_code (None | str | Unset): Narrows the flows (by the USCC's 市州).
        to (datetime.date | None | Unset):
    """

    as_of: datetime.date
    balance_fen: int
    by_bank: PoolReportByBank
    by_month: PoolReportByMonth
    by_pool: PoolReportByPool
    by_region: PoolReportByRegion
    compensation_paid_fen: int
    defaulted_fen: int
    defaults: int
    initial_balance_fen: int
    loans_registered: int
    outstanding_fen: int
    overdue_fen: int
    overdue_ratio_bp: int
    pools: int
    principal_registered_fen: int
    recovered_fen: int
    recovered_to_pool_fen: int
    recoveries: int
    uncovered_fen: int
    from_: datetime.date | None | Unset = UNSET
    region_code: None | str | Unset = UNSET
    to: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        balance_fen = self.balance_fen

        by_bank = self.by_bank.to_dict()

        by_month = self.by_month.to_dict()

        by_pool = self.by_pool.to_dict()

        by_region = self.by_region.to_dict()

        compensation_paid_fen = self.compensation_paid_fen

        defaulted_fen = self.defaulted_fen

        defaults = self.defaults

        initial_balance_fen = self.initial_balance_fen

        loans_registered = self.loans_registered

        outstanding_fen = self.outstanding_fen

        overdue_fen = self.overdue_fen

        overdue_ratio_bp = self.overdue_ratio_bp

        pools = self.pools

        principal_registered_fen = self.principal_registered_fen

        recovered_fen = self.recovered_fen

        recovered_to_pool_fen = self.recovered_to_pool_fen

        recoveries = self.recoveries

        uncovered_fen = self.uncovered_fen

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
                "as_of": as_of,
                "balance_fen": balance_fen,
                "by_bank": by_bank,
                "by_month": by_month,
                "by_pool": by_pool,
                "by_region": by_region,
                "compensation_paid_fen": compensation_paid_fen,
                "defaulted_fen": defaulted_fen,
                "defaults": defaults,
                "initial_balance_fen": initial_balance_fen,
                "loans_registered": loans_registered,
                "outstanding_fen": outstanding_fen,
                "overdue_fen": overdue_fen,
                "overdue_ratio_bp": overdue_ratio_bp,
                "pools": pools,
                "principal_registered_fen": principal_registered_fen,
                "recovered_fen": recovered_fen,
                "recovered_to_pool_fen": recovered_to_pool_fen,
                "recoveries": recoveries,
                "uncovered_fen": uncovered_fen,
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
        from ..models.pool_report_by_bank import PoolReportByBank
        from ..models.pool_report_by_month import PoolReportByMonth
        from ..models.pool_report_by_pool import PoolReportByPool
        from ..models.pool_report_by_region import PoolReportByRegion

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        balance_fen = d.pop("balance_fen")

        by_bank = PoolReportByBank.from_dict(d.pop("by_bank"))

        by_month = PoolReportByMonth.from_dict(d.pop("by_month"))

        by_pool = PoolReportByPool.from_dict(d.pop("by_pool"))

        by_region = PoolReportByRegion.from_dict(d.pop("by_region"))

        compensation_paid_fen = d.pop("compensation_paid_fen")

        defaulted_fen = d.pop("defaulted_fen")

        defaults = d.pop("defaults")

        initial_balance_fen = d.pop("initial_balance_fen")

        loans_registered = d.pop("loans_registered")

        outstanding_fen = d.pop("outstanding_fen")

        overdue_fen = d.pop("overdue_fen")

        overdue_ratio_bp = d.pop("overdue_ratio_bp")

        pools = d.pop("pools")

        principal_registered_fen = d.pop("principal_registered_fen")

        recovered_fen = d.pop("recovered_fen")

        recovered_to_pool_fen = d.pop("recovered_to_pool_fen")

        recoveries = d.pop("recoveries")

        uncovered_fen = d.pop("uncovered_fen")

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

        pool_report = cls(
            as_of=as_of,
            balance_fen=balance_fen,
            by_bank=by_bank,
            by_month=by_month,
            by_pool=by_pool,
            by_region=by_region,
            compensation_paid_fen=compensation_paid_fen,
            defaulted_fen=defaulted_fen,
            defaults=defaults,
            initial_balance_fen=initial_balance_fen,
            loans_registered=loans_registered,
            outstanding_fen=outstanding_fen,
            overdue_fen=overdue_fen,
            overdue_ratio_bp=overdue_ratio_bp,
            pools=pools,
            principal_registered_fen=principal_registered_fen,
            recovered_fen=recovered_fen,
            recovered_to_pool_fen=recovered_to_pool_fen,
            recoveries=recoveries,
            uncovered_fen=uncovered_fen,
            from_=from_,
            region_code=region_code,
            to=to,
        )

        pool_report.additional_properties = d
        return pool_report

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
