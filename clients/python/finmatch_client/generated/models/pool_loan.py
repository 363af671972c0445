from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pool_loan_status import PoolLoanStatus, check_pool_loan_status

T = TypeVar("T", bound="PoolLoan")


@_attrs_define
class PoolLoan:
    """
    Attributes:
        bank_org_id (str):
        compensation_fen (int | None): Compensation, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        defaulted_on (datetime.date | None):
        id (str):
        loan_ref (str):
        maturity_date (datetime.date):
        outstanding_fen (int): Outstanding, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_on (datetime.date | None):
        pool_id (str):
        principal_fen (int): Principal, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        recovered_pool_fen (int): Recovered pool, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        recovered_total_fen (int): Recovered total, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        start_date (datetime.date):
        status (PoolLoanStatus):
        uncovered_fen (int | None): Uncovered, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    bank_org_id: str
    compensation_fen: int | None
    defaulted_on: datetime.date | None
    id: str
    loan_ref: str
    maturity_date: datetime.date
    outstanding_fen: int
    overdue_on: datetime.date | None
    pool_id: str
    principal_fen: int
    recovered_pool_fen: int
    recovered_total_fen: int
    start_date: datetime.date
    status: PoolLoanStatus
    uncovered_fen: int | None
    uscc: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_org_id = self.bank_org_id

        compensation_fen: int | None
        compensation_fen = self.compensation_fen

        defaulted_on: None | str
        if isinstance(self.defaulted_on, datetime.date):
            defaulted_on = self.defaulted_on.isoformat()
        else:
            defaulted_on = self.defaulted_on

        id = self.id

        loan_ref = self.loan_ref

        maturity_date = self.maturity_date.isoformat()

        outstanding_fen = self.outstanding_fen

        overdue_on: None | str
        if isinstance(self.overdue_on, datetime.date):
            overdue_on = self.overdue_on.isoformat()
        else:
            overdue_on = self.overdue_on

        pool_id = self.pool_id

        principal_fen = self.principal_fen

        recovered_pool_fen = self.recovered_pool_fen

        recovered_total_fen = self.recovered_total_fen

        start_date = self.start_date.isoformat()

        status: str = self.status

        uncovered_fen: int | None
        uncovered_fen = self.uncovered_fen

        uscc = self.uscc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_org_id": bank_org_id,
                "compensation_fen": compensation_fen,
                "defaulted_on": defaulted_on,
                "id": id,
                "loan_ref": loan_ref,
                "maturity_date": maturity_date,
                "outstanding_fen": outstanding_fen,
                "overdue_on": overdue_on,
                "pool_id": pool_id,
                "principal_fen": principal_fen,
                "recovered_pool_fen": recovered_pool_fen,
                "recovered_total_fen": recovered_total_fen,
                "start_date": start_date,
                "status": status,
                "uncovered_fen": uncovered_fen,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank_org_id = d.pop("bank_org_id")

        def _parse_compensation_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        compensation_fen = _parse_compensation_fen(d.pop("compensation_fen"))

        def _parse_defaulted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                defaulted_on_type_0 = datetime.date.fromisoformat(data)

                return defaulted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        defaulted_on = _parse_defaulted_on(d.pop("defaulted_on"))

        id = d.pop("id")

        loan_ref = d.pop("loan_ref")

        maturity_date = datetime.date.fromisoformat(d.pop("maturity_date"))

        outstanding_fen = d.pop("outstanding_fen")

        def _parse_overdue_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overdue_on_type_0 = datetime.date.fromisoformat(data)

                return overdue_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        overdue_on = _parse_overdue_on(d.pop("overdue_on"))

        pool_id = d.pop("pool_id")

        principal_fen = d.pop("principal_fen")

        recovered_pool_fen = d.pop("recovered_pool_fen")

        recovered_total_fen = d.pop("recovered_total_fen")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = check_pool_loan_status(d.pop("status"))

        def _parse_uncovered_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        uncovered_fen = _parse_uncovered_fen(d.pop("uncovered_fen"))

        uscc = d.pop("uscc")

        pool_loan = cls(
            bank_org_id=bank_org_id,
            compensation_fen=compensation_fen,
            defaulted_on=defaulted_on,
            id=id,
            loan_ref=loan_ref,
            maturity_date=maturity_date,
            outstanding_fen=outstanding_fen,
            overdue_on=overdue_on,
            pool_id=pool_id,
            principal_fen=principal_fen,
            recovered_pool_fen=recovered_pool_fen,
            recovered_total_fen=recovered_total_fen,
            start_date=start_date,
            status=status,
            uncovered_fen=uncovered_fen,
            uscc=uscc,
        )

        pool_loan.additional_properties = d
        return pool_loan

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
