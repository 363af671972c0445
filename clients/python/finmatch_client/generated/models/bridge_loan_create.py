from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.bridge_loan_create_size import (
    BridgeLoanCreateSize,
    check_bridge_loan_create_size,
)

T = TypeVar("T", bound="BridgeLoanCreate")


@_attrs_define
class BridgeLoanCreate:
    """
    Attributes:
        amount_fen (int): Amount, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        bank_org_id (UUID):
        days (int):
        maturing_loan_ref (str):
        renewal_commitment_ref (str):
        size (BridgeLoanCreateSize): The enterprise's 工信部联企业〔2011〕300号 size as the manager verified it.
        start_date (datetime.date):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    amount_fen: int
    bank_org_id: UUID
    days: int
    maturing_loan_ref: str
    renewal_commitment_ref: str
    size: BridgeLoanCreateSize
    start_date: datetime.date
    uscc: str

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        bank_org_id = str(self.bank_org_id)

        days = self.days

        maturing_loan_ref = self.maturing_loan_ref

        renewal_commitment_ref = self.renewal_commitment_ref

        size: str = self.size

        start_date = self.start_date.isoformat()

        uscc = self.uscc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_fen": amount_fen,
                "bank_org_id": bank_org_id,
                "days": days,
                "maturing_loan_ref": maturing_loan_ref,
                "renewal_commitment_ref": renewal_commitment_ref,
                "size": size,
                "start_date": start_date,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        bank_org_id = UUID(d.pop("bank_org_id"))

        days = d.pop("days")

        maturing_loan_ref = d.pop("maturing_loan_ref")

        renewal_commitment_ref = d.pop("renewal_commitment_ref")

        size = check_bridge_loan_create_size(d.pop("size"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        uscc = d.pop("uscc")

        bridge_loan_create = cls(
            amount_fen=amount_fen,
            bank_org_id=bank_org_id,
            days=days,
            maturing_loan_ref=maturing_loan_ref,
            renewal_commitment_ref=renewal_commitment_ref,
            size=size,
            start_date=start_date,
            uscc=uscc,
        )

        return bridge_loan_create
