from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OutcomeOut")


@_attrs_define
class OutcomeOut:
    """
    Attributes:
        amount_fen (int): Amount, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        bank_org_id (UUID):
        created_at (datetime.datetime):
        credit_type (str):
        granted_on (datetime.date):
        id (UUID):
        loan_ref (None | str): Null only for loans reported before loan_ref was required.
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    amount_fen: int
    bank_org_id: UUID
    created_at: datetime.datetime
    credit_type: str
    granted_on: datetime.date
    id: UUID
    loan_ref: None | str
    uscc: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        bank_org_id = str(self.bank_org_id)

        created_at = self.created_at.isoformat()

        credit_type = self.credit_type

        granted_on = self.granted_on.isoformat()

        id = str(self.id)

        loan_ref: None | str
        loan_ref = self.loan_ref

        uscc = self.uscc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_fen": amount_fen,
                "bank_org_id": bank_org_id,
                "created_at": created_at,
                "credit_type": credit_type,
                "granted_on": granted_on,
                "id": id,
                "loan_ref": loan_ref,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        bank_org_id = UUID(d.pop("bank_org_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credit_type = d.pop("credit_type")

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))

        id = UUID(d.pop("id"))

        def _parse_loan_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        loan_ref = _parse_loan_ref(d.pop("loan_ref"))

        uscc = d.pop("uscc")

        outcome_out = cls(
            amount_fen=amount_fen,
            bank_org_id=bank_org_id,
            created_at=created_at,
            credit_type=credit_type,
            granted_on=granted_on,
            id=id,
            loan_ref=loan_ref,
            uscc=uscc,
        )

        outcome_out.additional_properties = d
        return outcome_out

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
