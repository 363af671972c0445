from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.outcome_in_credit_type import (
    OutcomeInCreditType,
    check_outcome_in_credit_type,
)

T = TypeVar("T", bound="OutcomeIn")


@_attrs_define
class OutcomeIn:
    """
    Attributes:
        amount_fen (int): Amount, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        credit_type (OutcomeInCreditType):
        granted_on (datetime.date):
        loan_ref (str): The bank's own reference of the loan; unique per bank (a repeat is 409 duplicate-loan).
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    amount_fen: int
    credit_type: OutcomeInCreditType
    granted_on: datetime.date
    loan_ref: str
    uscc: str

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        credit_type: str = self.credit_type

        granted_on = self.granted_on.isoformat()

        loan_ref = self.loan_ref

        uscc = self.uscc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_fen": amount_fen,
                "credit_type": credit_type,
                "granted_on": granted_on,
                "loan_ref": loan_ref,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        credit_type = check_outcome_in_credit_type(d.pop("credit_type"))

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))

        loan_ref = d.pop("loan_ref")

        uscc = d.pop("uscc")

        outcome_in = cls(
            amount_fen=amount_fen,
            credit_type=credit_type,
            granted_on=granted_on,
            loan_ref=loan_ref,
            uscc=uscc,
        )

        return outcome_in
