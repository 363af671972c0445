from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_status import ClaimStatus, check_claim_status

T = TypeVar("T", bound="Claim")


@_attrs_define
class Claim:
    """
    Attributes:
        bank_org_id (str):
        claimable_fen (int): Claimable, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        claimed_on_fen (int): The interest or fee paid that the claim is for.
        created_at (datetime.datetime):
        decided_at (datetime.datetime | None):
        id (str):
        loan_ref (str):
        paid_fen (int): The subsidy paid: 0 until approved.
        period_from (datetime.date):
        period_to (datetime.date):
        programme_id (str):
        reason (None | str):
        status (ClaimStatus):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    bank_org_id: str
    claimable_fen: int
    claimed_on_fen: int
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    id: str
    loan_ref: str
    paid_fen: int
    period_from: datetime.date
    period_to: datetime.date
    programme_id: str
    reason: None | str
    status: ClaimStatus
    uscc: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_org_id = self.bank_org_id

        claimable_fen = self.claimable_fen

        claimed_on_fen = self.claimed_on_fen

        created_at = self.created_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        id = self.id

        loan_ref = self.loan_ref

        paid_fen = self.paid_fen

        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        programme_id = self.programme_id

        reason: None | str
        reason = self.reason

        status: str = self.status

        uscc = self.uscc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_org_id": bank_org_id,
                "claimable_fen": claimable_fen,
                "claimed_on_fen": claimed_on_fen,
                "created_at": created_at,
                "decided_at": decided_at,
                "id": id,
                "loan_ref": loan_ref,
                "paid_fen": paid_fen,
                "period_from": period_from,
                "period_to": period_to,
                "programme_id": programme_id,
                "reason": reason,
                "status": status,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank_org_id = d.pop("bank_org_id")

        claimable_fen = d.pop("claimable_fen")

        claimed_on_fen = d.pop("claimed_on_fen")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        id = d.pop("id")

        loan_ref = d.pop("loan_ref")

        paid_fen = d.pop("paid_fen")

        period_from = datetime.date.fromisoformat(d.pop("period_from"))

        period_to = datetime.date.fromisoformat(d.pop("period_to"))

        programme_id = d.pop("programme_id")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        status = check_claim_status(d.pop("status"))

        uscc = d.pop("uscc")

        claim = cls(
            bank_org_id=bank_org_id,
            claimable_fen=claimable_fen,
            claimed_on_fen=claimed_on_fen,
            created_at=created_at,
            decided_at=decided_at,
            id=id,
            loan_ref=loan_ref,
            paid_fen=paid_fen,
            period_from=period_from,
            period_to=period_to,
            programme_id=programme_id,
            reason=reason,
            status=status,
            uscc=uscc,
        )

        claim.additional_properties = d
        return claim

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
