from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delivery_counts import DeliveryCounts


T = TypeVar("T", bound="BankBreakdown")


@_attrs_define
class BankBreakdown:
    """One bank: the loans it reported and the health of its webhook deliveries.

    Attributes:
        deliveries (DeliveryCounts): Webhook delivery health: deliveries created in the period, by their status now.
        enterprises_with_loans (int):
        loans_count (int):
        loans_total_fen (int): Loans total, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        pure_credit_count_ratio_bp (int): Pure-credit loans / loans in bp, half up.
        pure_credit_ratio_bp (int): 纯信用贷款比例: pure_credit_total_fen / loans_total_fen in bp, half up.
        pure_credit_total_fen (int): Pure credit total, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        oldest_pending_age_seconds (int | None | Unset): Seconds since the oldest pending delivery (of the period) was
            created, now; null: none is.
    """

    deliveries: DeliveryCounts
    enterprises_with_loans: int
    loans_count: int
    loans_total_fen: int
    pure_credit_count_ratio_bp: int
    pure_credit_ratio_bp: int
    pure_credit_total_fen: int
    oldest_pending_age_seconds: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deliveries = self.deliveries.to_dict()

        enterprises_with_loans = self.enterprises_with_loans

        loans_count = self.loans_count

        loans_total_fen = self.loans_total_fen

        pure_credit_count_ratio_bp = self.pure_credit_count_ratio_bp

        pure_credit_ratio_bp = self.pure_credit_ratio_bp

        pure_credit_total_fen = self.pure_credit_total_fen

        oldest_pending_age_seconds: int | None | Unset
        if isinstance(self.oldest_pending_age_seconds, Unset):
            oldest_pending_age_seconds = UNSET
        else:
            oldest_pending_age_seconds = self.oldest_pending_age_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deliveries": deliveries,
                "enterprises_with_loans": enterprises_with_loans,
                "loans_count": loans_count,
                "loans_total_fen": loans_total_fen,
                "pure_credit_count_ratio_bp": pure_credit_count_ratio_bp,
                "pure_credit_ratio_bp": pure_credit_ratio_bp,
                "pure_credit_total_fen": pure_credit_total_fen,
            }
        )
        if oldest_pending_age_seconds is not UNSET:
            field_dict["oldest_pending_age_seconds"] = oldest_pending_age_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delivery_counts import DeliveryCounts

        d = dict(src_dict)
        deliveries = DeliveryCounts.from_dict(d.pop("deliveries"))

        enterprises_with_loans = d.pop("enterprises_with_loans")

        loans_count = d.pop("loans_count")

        loans_total_fen = d.pop("loans_total_fen")

        pure_credit_count_ratio_bp = d.pop("pure_credit_count_ratio_bp")

        pure_credit_ratio_bp = d.pop("pure_credit_ratio_bp")

        pure_credit_total_fen = d.pop("pure_credit_total_fen")

        def _parse_oldest_pending_age_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        oldest_pending_age_seconds = _parse_oldest_pending_age_seconds(
            d.pop("oldest_pending_age_seconds", UNSET)
        )

        bank_breakdown = cls(
            deliveries=deliveries,
            enterprises_with_loans=enterprises_with_loans,
            loans_count=loans_count,
            loans_total_fen=loans_total_fen,
            pure_credit_count_ratio_bp=pure_credit_count_ratio_bp,
            pure_credit_ratio_bp=pure_credit_ratio_bp,
            pure_credit_total_fen=pure_credit_total_fen,
            oldest_pending_age_seconds=oldest_pending_age_seconds,
        )

        bank_breakdown.additional_properties = d
        return bank_breakdown

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
