from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExposureCreate")


@_attrs_define
class ExposureCreate:
    """
    Attributes:
        agreement_id (UUID):
        fee_rate_bp (int): A rate in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer (CONTRACT §1).
        loan_ref (str): The bank's own loan reference; one guarantee per bank loan.
        maturity_date (datetime.date):
        principal_fen (int): Principal, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        small_micro (bool): 小微企业 by 工信部联企业〔2011〕300号; counts in the 支小支农 figures.
        start_date (datetime.date):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
        agri (bool | Unset): 三农 business; counts in the 支小支农 figures. Default: False.
    """

    agreement_id: UUID
    fee_rate_bp: int
    loan_ref: str
    maturity_date: datetime.date
    principal_fen: int
    small_micro: bool
    start_date: datetime.date
    uscc: str
    agri: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        agreement_id = str(self.agreement_id)

        fee_rate_bp = self.fee_rate_bp

        loan_ref = self.loan_ref

        maturity_date = self.maturity_date.isoformat()

        principal_fen = self.principal_fen

        small_micro = self.small_micro

        start_date = self.start_date.isoformat()

        uscc = self.uscc

        agri = self.agri

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agreement_id": agreement_id,
                "fee_rate_bp": fee_rate_bp,
                "loan_ref": loan_ref,
                "maturity_date": maturity_date,
                "principal_fen": principal_fen,
                "small_micro": small_micro,
                "start_date": start_date,
                "uscc": uscc,
            }
        )
        if agri is not UNSET:
            field_dict["agri"] = agri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agreement_id = UUID(d.pop("agreement_id"))

        fee_rate_bp = d.pop("fee_rate_bp")

        loan_ref = d.pop("loan_ref")

        maturity_date = datetime.date.fromisoformat(d.pop("maturity_date"))

        principal_fen = d.pop("principal_fen")

        small_micro = d.pop("small_micro")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        uscc = d.pop("uscc")

        agri = d.pop("agri", UNSET)

        exposure_create = cls(
            agreement_id=agreement_id,
            fee_rate_bp=fee_rate_bp,
            loan_ref=loan_ref,
            maturity_date=maturity_date,
            principal_fen=principal_fen,
            small_micro=small_micro,
            start_date=start_date,
            uscc=uscc,
            agri=agri,
        )

        return exposure_create
