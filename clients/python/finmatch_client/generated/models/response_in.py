from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.response_in_decision import ResponseInDecision, check_response_in_decision
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResponseIn")


@_attrs_define
class ResponseIn:
    """
    Attributes:
        decision (ResponseInDecision):
        annual_rate_bp (int | None | Unset): Annual rate, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an
            integer.
        offered_amount_fen (int | None | Unset): Offered amount, in fen (分; 100 fen = 1 yuan), an integer, never a
            float.
        reason (None | str | Unset):
    """

    decision: ResponseInDecision
    annual_rate_bp: int | None | Unset = UNSET
    offered_amount_fen: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision: str = self.decision

        annual_rate_bp: int | None | Unset
        if isinstance(self.annual_rate_bp, Unset):
            annual_rate_bp = UNSET
        else:
            annual_rate_bp = self.annual_rate_bp

        offered_amount_fen: int | None | Unset
        if isinstance(self.offered_amount_fen, Unset):
            offered_amount_fen = UNSET
        else:
            offered_amount_fen = self.offered_amount_fen

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )
        if annual_rate_bp is not UNSET:
            field_dict["annual_rate_bp"] = annual_rate_bp
        if offered_amount_fen is not UNSET:
            field_dict["offered_amount_fen"] = offered_amount_fen
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision = check_response_in_decision(d.pop("decision"))

        def _parse_annual_rate_bp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        annual_rate_bp = _parse_annual_rate_bp(d.pop("annual_rate_bp", UNSET))

        def _parse_offered_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        offered_amount_fen = _parse_offered_amount_fen(
            d.pop("offered_amount_fen", UNSET)
        )

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        response_in = cls(
            decision=decision,
            annual_rate_bp=annual_rate_bp,
            offered_amount_fen=offered_amount_fen,
            reason=reason,
        )

        return response_in
