from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegionBreakdown")


@_attrs_define
class RegionBreakdown:
    """One 市州: its loans, and its enterprises rated and pushed with their 受益户数比例.

    Attributes:
        enterprises_with_loans (int):
        loans_count (int):
        loans_total_fen (int): Loans total, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        pure_credit_count_ratio_bp (int): Pure-credit loans / loans in bp, half up.
        pure_credit_ratio_bp (int): 纯信用贷款比例: pure_credit_total_fen / loans_total_fen in bp, half up.
        pure_credit_total_fen (int): Pure credit total, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        beneficiary_ratio_bp (int | Unset): 受益户数比例 of the 市州 in bp, half up. Default: 0.
        enterprises_pushed (int | Unset):  Default: 0.
        enterprises_rated (int | Unset):  Default: 0.
        small_micro_pushed (int | Unset):  Default: 0.
        small_micro_with_loans (int | Unset):  Default: 0.
    """

    enterprises_with_loans: int
    loans_count: int
    loans_total_fen: int
    pure_credit_count_ratio_bp: int
    pure_credit_ratio_bp: int
    pure_credit_total_fen: int
    beneficiary_ratio_bp: int | Unset = 0
    enterprises_pushed: int | Unset = 0
    enterprises_rated: int | Unset = 0
    small_micro_pushed: int | Unset = 0
    small_micro_with_loans: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enterprises_with_loans = self.enterprises_with_loans

        loans_count = self.loans_count

        loans_total_fen = self.loans_total_fen

        pure_credit_count_ratio_bp = self.pure_credit_count_ratio_bp

        pure_credit_ratio_bp = self.pure_credit_ratio_bp

        pure_credit_total_fen = self.pure_credit_total_fen

        beneficiary_ratio_bp = self.beneficiary_ratio_bp

        enterprises_pushed = self.enterprises_pushed

        enterprises_rated = self.enterprises_rated

        small_micro_pushed = self.small_micro_pushed

        small_micro_with_loans = self.small_micro_with_loans

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enterprises_with_loans": enterprises_with_loans,
                "loans_count": loans_count,
                "loans_total_fen": loans_total_fen,
                "pure_credit_count_ratio_bp": pure_credit_count_ratio_bp,
                "pure_credit_ratio_bp": pure_credit_ratio_bp,
                "pure_credit_total_fen": pure_credit_total_fen,
            }
        )
        if beneficiary_ratio_bp is not UNSET:
            field_dict["beneficiary_ratio_bp"] = beneficiary_ratio_bp
        if enterprises_pushed is not UNSET:
            field_dict["enterprises_pushed"] = enterprises_pushed
        if enterprises_rated is not UNSET:
            field_dict["enterprises_rated"] = enterprises_rated
        if small_micro_pushed is not UNSET:
            field_dict["small_micro_pushed"] = small_micro_pushed
        if small_micro_with_loans is not UNSET:
            field_dict["small_micro_with_loans"] = small_micro_with_loans

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enterprises_with_loans = d.pop("enterprises_with_loans")

        loans_count = d.pop("loans_count")

        loans_total_fen = d.pop("loans_total_fen")

        pure_credit_count_ratio_bp = d.pop("pure_credit_count_ratio_bp")

        pure_credit_ratio_bp = d.pop("pure_credit_ratio_bp")

        pure_credit_total_fen = d.pop("pure_credit_total_fen")

        beneficiary_ratio_bp = d.pop("beneficiary_ratio_bp", UNSET)

        enterprises_pushed = d.pop("enterprises_pushed", UNSET)

        enterprises_rated = d.pop("enterprises_rated", UNSET)

        small_micro_pushed = d.pop("small_micro_pushed", UNSET)

        small_micro_with_loans = d.pop("small_micro_with_loans", UNSET)

        region_breakdown = cls(
            enterprises_with_loans=enterprises_with_loans,
            loans_count=loans_count,
            loans_total_fen=loans_total_fen,
            pure_credit_count_ratio_bp=pure_credit_count_ratio_bp,
            pure_credit_ratio_bp=pure_credit_ratio_bp,
            pure_credit_total_fen=pure_credit_total_fen,
            beneficiary_ratio_bp=beneficiary_ratio_bp,
            enterprises_pushed=enterprises_pushed,
            enterprises_rated=enterprises_rated,
            small_micro_pushed=small_micro_pushed,
            small_micro_with_loans=small_micro_with_loans,
        )

        region_breakdown.additional_properties = d
        return region_breakdown

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
