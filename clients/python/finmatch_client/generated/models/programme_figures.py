from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProgrammeFigures")


@_attrs_define
class ProgrammeFigures:
    """
    Attributes:
        approved_count (int):
        budget_fen (int): Budget, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        claimed_fen (int): Interest or fee paid that the filed claims are for.
        claims_filed (int):
        kind (str):
        name (str):
        paid_fen (int): Subsidy paid by the approvals of the period.
        paid_to_date_fen (int): Paid by the end of the snapshot day, all periods.
        pending_count (int): Claims filed and not decided at the snapshot day.
        refused_count (int):
        remaining_budget_fen (int): Remaining budget, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        year (int):
    """

    approved_count: int
    budget_fen: int
    claimed_fen: int
    claims_filed: int
    kind: str
    name: str
    paid_fen: int
    paid_to_date_fen: int
    pending_count: int
    refused_count: int
    remaining_budget_fen: int
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_count = self.approved_count

        budget_fen = self.budget_fen

        claimed_fen = self.claimed_fen

        claims_filed = self.claims_filed

        kind = self.kind

        name = self.name

        paid_fen = self.paid_fen

        paid_to_date_fen = self.paid_to_date_fen

        pending_count = self.pending_count

        refused_count = self.refused_count

        remaining_budget_fen = self.remaining_budget_fen

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_count": approved_count,
                "budget_fen": budget_fen,
                "claimed_fen": claimed_fen,
                "claims_filed": claims_filed,
                "kind": kind,
                "name": name,
                "paid_fen": paid_fen,
                "paid_to_date_fen": paid_to_date_fen,
                "pending_count": pending_count,
                "refused_count": refused_count,
                "remaining_budget_fen": remaining_budget_fen,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        approved_count = d.pop("approved_count")

        budget_fen = d.pop("budget_fen")

        claimed_fen = d.pop("claimed_fen")

        claims_filed = d.pop("claims_filed")

        kind = d.pop("kind")

        name = d.pop("name")

        paid_fen = d.pop("paid_fen")

        paid_to_date_fen = d.pop("paid_to_date_fen")

        pending_count = d.pop("pending_count")

        refused_count = d.pop("refused_count")

        remaining_budget_fen = d.pop("remaining_budget_fen")

        year = d.pop("year")

        programme_figures = cls(
            approved_count=approved_count,
            budget_fen=budget_fen,
            claimed_fen=claimed_fen,
            claims_filed=claims_filed,
            kind=kind,
            name=name,
            paid_fen=paid_fen,
            paid_to_date_fen=paid_to_date_fen,
            pending_count=pending_count,
            refused_count=refused_count,
            remaining_budget_fen=remaining_budget_fen,
            year=year,
        )

        programme_figures.additional_properties = d
        return programme_figures

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
