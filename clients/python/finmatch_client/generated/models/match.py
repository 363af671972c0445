from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.criterion_result import CriterionResult


T = TypeVar("T", bound="Match")


@_attrs_define
class Match:
    """
    Attributes:
        annual_rate_bp (int): Annual rate, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        bank_org_id (str):
        estimated_guarantee_fee_fen (int): Estimated guarantee fee, in fen (分; 100 fen = 1 yuan), an integer, never a
            float.
        estimated_interest_fen (int): Estimated interest, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        estimated_subsidy_fen (int): Estimated subsidy, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        estimated_total_cost_fen (int): Estimated total cost, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        product_id (str):
        product_name (str):
        product_type (str):
        reasons (list[CriterionResult]):
    """

    annual_rate_bp: int
    bank_org_id: str
    estimated_guarantee_fee_fen: int
    estimated_interest_fen: int
    estimated_subsidy_fen: int
    estimated_total_cost_fen: int
    product_id: str
    product_name: str
    product_type: str
    reasons: list[CriterionResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        annual_rate_bp = self.annual_rate_bp

        bank_org_id = self.bank_org_id

        estimated_guarantee_fee_fen = self.estimated_guarantee_fee_fen

        estimated_interest_fen = self.estimated_interest_fen

        estimated_subsidy_fen = self.estimated_subsidy_fen

        estimated_total_cost_fen = self.estimated_total_cost_fen

        product_id = self.product_id

        product_name = self.product_name

        product_type = self.product_type

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "annual_rate_bp": annual_rate_bp,
                "bank_org_id": bank_org_id,
                "estimated_guarantee_fee_fen": estimated_guarantee_fee_fen,
                "estimated_interest_fen": estimated_interest_fen,
                "estimated_subsidy_fen": estimated_subsidy_fen,
                "estimated_total_cost_fen": estimated_total_cost_fen,
                "product_id": product_id,
                "product_name": product_name,
                "product_type": product_type,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.criterion_result import CriterionResult

        d = dict(src_dict)
        annual_rate_bp = d.pop("annual_rate_bp")

        bank_org_id = d.pop("bank_org_id")

        estimated_guarantee_fee_fen = d.pop("estimated_guarantee_fee_fen")

        estimated_interest_fen = d.pop("estimated_interest_fen")

        estimated_subsidy_fen = d.pop("estimated_subsidy_fen")

        estimated_total_cost_fen = d.pop("estimated_total_cost_fen")

        product_id = d.pop("product_id")

        product_name = d.pop("product_name")

        product_type = d.pop("product_type")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = CriterionResult.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        match = cls(
            annual_rate_bp=annual_rate_bp,
            bank_org_id=bank_org_id,
            estimated_guarantee_fee_fen=estimated_guarantee_fee_fen,
            estimated_interest_fen=estimated_interest_fen,
            estimated_subsidy_fen=estimated_subsidy_fen,
            estimated_total_cost_fen=estimated_total_cost_fen,
            product_id=product_id,
            product_name=product_name,
            product_type=product_type,
            reasons=reasons,
        )

        match.additional_properties = d
        return match

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
