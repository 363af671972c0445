from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.criterion_result import CriterionResult


T = TypeVar("T", bound="Excluded")


@_attrs_define
class Excluded:
    """
    Attributes:
        bank_org_id (str):
        failed (list[CriterionResult]):
        product_id (str):
        product_name (str):
        product_type (str):
    """

    bank_org_id: str
    failed: list[CriterionResult]
    product_id: str
    product_name: str
    product_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_org_id = self.bank_org_id

        failed = []
        for failed_item_data in self.failed:
            failed_item = failed_item_data.to_dict()
            failed.append(failed_item)

        product_id = self.product_id

        product_name = self.product_name

        product_type = self.product_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_org_id": bank_org_id,
                "failed": failed,
                "product_id": product_id,
                "product_name": product_name,
                "product_type": product_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.criterion_result import CriterionResult

        d = dict(src_dict)
        bank_org_id = d.pop("bank_org_id")

        failed = []
        _failed = d.pop("failed")
        for failed_item_data in _failed:
            failed_item = CriterionResult.from_dict(failed_item_data)

            failed.append(failed_item)

        product_id = d.pop("product_id")

        product_name = d.pop("product_name")

        product_type = d.pop("product_type")

        excluded = cls(
            bank_org_id=bank_org_id,
            failed=failed,
            product_id=product_id,
            product_name=product_name,
            product_type=product_type,
        )

        excluded.additional_properties = d
        return excluded

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
