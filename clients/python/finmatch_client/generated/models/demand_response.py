from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.demand_response_decision import (
    DemandResponseDecision,
    check_demand_response_decision,
)

T = TypeVar("T", bound="DemandResponse")


@_attrs_define
class DemandResponse:
    """
    Attributes:
        annual_rate_bp (int | None): Annual rate, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        bank_org_id (str):
        created_at (datetime.datetime):
        decision (DemandResponseDecision):
        id (str):
        offered_amount_fen (int | None): Offered amount, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        reason (None | str):
    """

    annual_rate_bp: int | None
    bank_org_id: str
    created_at: datetime.datetime
    decision: DemandResponseDecision
    id: str
    offered_amount_fen: int | None
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        annual_rate_bp: int | None
        annual_rate_bp = self.annual_rate_bp

        bank_org_id = self.bank_org_id

        created_at = self.created_at.isoformat()

        decision: str = self.decision

        id = self.id

        offered_amount_fen: int | None
        offered_amount_fen = self.offered_amount_fen

        reason: None | str
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "annual_rate_bp": annual_rate_bp,
                "bank_org_id": bank_org_id,
                "created_at": created_at,
                "decision": decision,
                "id": id,
                "offered_amount_fen": offered_amount_fen,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_annual_rate_bp(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        annual_rate_bp = _parse_annual_rate_bp(d.pop("annual_rate_bp"))

        bank_org_id = d.pop("bank_org_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        decision = check_demand_response_decision(d.pop("decision"))

        id = d.pop("id")

        def _parse_offered_amount_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        offered_amount_fen = _parse_offered_amount_fen(d.pop("offered_amount_fen"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        demand_response = cls(
            annual_rate_bp=annual_rate_bp,
            bank_org_id=bank_org_id,
            created_at=created_at,
            decision=decision,
            id=id,
            offered_amount_fen=offered_amount_fen,
            reason=reason,
        )

        demand_response.additional_properties = d
        return demand_response

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
