from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bridge_loan_status import BridgeLoanStatus, check_bridge_loan_status

T = TypeVar("T", bound="BridgeLoan")


@_attrs_define
class BridgeLoan:
    """
    Attributes:
        amount_fen (int): Amount, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        bank_org_id (str):
        days (int):
        due_on (datetime.date):
        fee_fen (int): Fee, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        fund_id (str):
        id (str):
        maturing_loan_ref (str):
        renewal_commitment_ref (str):
        repaid_on (datetime.date | None):
        size (str):
        start_date (datetime.date):
        status (BridgeLoanStatus):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    amount_fen: int
    bank_org_id: str
    days: int
    due_on: datetime.date
    fee_fen: int
    fund_id: str
    id: str
    maturing_loan_ref: str
    renewal_commitment_ref: str
    repaid_on: datetime.date | None
    size: str
    start_date: datetime.date
    status: BridgeLoanStatus
    uscc: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        bank_org_id = self.bank_org_id

        days = self.days

        due_on = self.due_on.isoformat()

        fee_fen = self.fee_fen

        fund_id = self.fund_id

        id = self.id

        maturing_loan_ref = self.maturing_loan_ref

        renewal_commitment_ref = self.renewal_commitment_ref

        repaid_on: None | str
        if isinstance(self.repaid_on, datetime.date):
            repaid_on = self.repaid_on.isoformat()
        else:
            repaid_on = self.repaid_on

        size = self.size

        start_date = self.start_date.isoformat()

        status: str = self.status

        uscc = self.uscc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_fen": amount_fen,
                "bank_org_id": bank_org_id,
                "days": days,
                "due_on": due_on,
                "fee_fen": fee_fen,
                "fund_id": fund_id,
                "id": id,
                "maturing_loan_ref": maturing_loan_ref,
                "renewal_commitment_ref": renewal_commitment_ref,
                "repaid_on": repaid_on,
                "size": size,
                "start_date": start_date,
                "status": status,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        bank_org_id = d.pop("bank_org_id")

        days = d.pop("days")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        fee_fen = d.pop("fee_fen")

        fund_id = d.pop("fund_id")

        id = d.pop("id")

        maturing_loan_ref = d.pop("maturing_loan_ref")

        renewal_commitment_ref = d.pop("renewal_commitment_ref")

        def _parse_repaid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                repaid_on_type_0 = datetime.date.fromisoformat(data)

                return repaid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        repaid_on = _parse_repaid_on(d.pop("repaid_on"))

        size = d.pop("size")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = check_bridge_loan_status(d.pop("status"))

        uscc = d.pop("uscc")

        bridge_loan = cls(
            amount_fen=amount_fen,
            bank_org_id=bank_org_id,
            days=days,
            due_on=due_on,
            fee_fen=fee_fen,
            fund_id=fund_id,
            id=id,
            maturing_loan_ref=maturing_loan_ref,
            renewal_commitment_ref=renewal_commitment_ref,
            repaid_on=repaid_on,
            size=size,
            start_date=start_date,
            status=status,
            uscc=uscc,
        )

        bridge_loan.additional_properties = d
        return bridge_loan

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
