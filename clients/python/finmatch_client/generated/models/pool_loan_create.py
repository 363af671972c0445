from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PoolLoanCreate")


@_attrs_define
class PoolLoanCreate:
    """
    Attributes:
        loan_ref (str):
        maturity_date (datetime.date):
        principal_fen (int): Principal, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        start_date (datetime.date):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    loan_ref: str
    maturity_date: datetime.date
    principal_fen: int
    start_date: datetime.date
    uscc: str

    def to_dict(self) -> dict[str, Any]:
        loan_ref = self.loan_ref

        maturity_date = self.maturity_date.isoformat()

        principal_fen = self.principal_fen

        start_date = self.start_date.isoformat()

        uscc = self.uscc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "loan_ref": loan_ref,
                "maturity_date": maturity_date,
                "principal_fen": principal_fen,
                "start_date": start_date,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        loan_ref = d.pop("loan_ref")

        maturity_date = datetime.date.fromisoformat(d.pop("maturity_date"))

        principal_fen = d.pop("principal_fen")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        uscc = d.pop("uscc")

        pool_loan_create = cls(
            loan_ref=loan_ref,
            maturity_date=maturity_date,
            principal_fen=principal_fen,
            start_date=start_date,
            uscc=uscc,
        )

        return pool_loan_create
