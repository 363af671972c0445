from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ClaimIn")


@_attrs_define
class ClaimIn:
    """
    Attributes:
        bank_org_id (UUID):
        loan_ref (str):
        paid_fen (int): Interest or fee the enterprise actually paid.
        period_from (datetime.date):
        period_to (datetime.date):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    bank_org_id: UUID
    loan_ref: str
    paid_fen: int
    period_from: datetime.date
    period_to: datetime.date
    uscc: str

    def to_dict(self) -> dict[str, Any]:
        bank_org_id = str(self.bank_org_id)

        loan_ref = self.loan_ref

        paid_fen = self.paid_fen

        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        uscc = self.uscc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bank_org_id": bank_org_id,
                "loan_ref": loan_ref,
                "paid_fen": paid_fen,
                "period_from": period_from,
                "period_to": period_to,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank_org_id = UUID(d.pop("bank_org_id"))

        loan_ref = d.pop("loan_ref")

        paid_fen = d.pop("paid_fen")

        period_from = datetime.date.fromisoformat(d.pop("period_from"))

        period_to = datetime.date.fromisoformat(d.pop("period_to"))

        uscc = d.pop("uscc")

        claim_in = cls(
            bank_org_id=bank_org_id,
            loan_ref=loan_ref,
            paid_fen=paid_fen,
            period_from=period_from,
            period_to=period_to,
            uscc=uscc,
        )

        return claim_in
