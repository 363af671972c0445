from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClaimFigures")


@_attrs_define
class ClaimFigures:
    """Claims filed and decided in the period (of one programme, 市州, bank or month).

    Attributes:
        approved_count (int):
        claimed_fen (int): Interest or fee paid that the filed claims are for.
        claims_filed (int):
        paid_fen (int): Subsidy paid by the approvals of the period.
        refused_count (int):
    """

    approved_count: int
    claimed_fen: int
    claims_filed: int
    paid_fen: int
    refused_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_count = self.approved_count

        claimed_fen = self.claimed_fen

        claims_filed = self.claims_filed

        paid_fen = self.paid_fen

        refused_count = self.refused_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_count": approved_count,
                "claimed_fen": claimed_fen,
                "claims_filed": claims_filed,
                "paid_fen": paid_fen,
                "refused_count": refused_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        approved_count = d.pop("approved_count")

        claimed_fen = d.pop("claimed_fen")

        claims_filed = d.pop("claims_filed")

        paid_fen = d.pop("paid_fen")

        refused_count = d.pop("refused_count")

        claim_figures = cls(
            approved_count=approved_count,
            claimed_fen=claimed_fen,
            claims_filed=claims_filed,
            paid_fen=paid_fen,
            refused_count=refused_count,
        )

        claim_figures.additional_properties = d
        return claim_figures

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
