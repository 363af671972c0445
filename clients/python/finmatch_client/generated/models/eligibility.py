from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.eligibility_collateral_item import (
    EligibilityCollateralItem,
    check_eligibility_collateral_item,
)
from ..models.eligibility_product_types_item import (
    EligibilityProductTypesItem,
    check_eligibility_product_types_item,
)
from ..models.eligibility_sizes_item import (
    EligibilitySizesItem,
    check_eligibility_sizes_item,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Eligibility")


@_attrs_define
class Eligibility:
    """Who a programme is for; an empty or absent list means any.

    Attributes:
        collateral (list[EligibilityCollateralItem] | Unset): Kinds of collateral.
        product_types (list[EligibilityProductTypesItem] | Unset):
        region_codes (list[str] | Unset): GB/T 2260 codes: 620000 is all Gansu, 620100 a prefecture (6201xx), a county
            code itself; empty: anywhere.
        sizes (list[EligibilitySizesItem] | Unset): Enterprise sizes served (工信部联企业〔2011〕300号).
    """

    collateral: list[EligibilityCollateralItem] | Unset = UNSET
    product_types: list[EligibilityProductTypesItem] | Unset = UNSET
    region_codes: list[str] | Unset = UNSET
    sizes: list[EligibilitySizesItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        collateral: list[str] | Unset = UNSET
        if not isinstance(self.collateral, Unset):
            collateral = []
            for collateral_item_data in self.collateral:
                collateral_item: str = collateral_item_data
                collateral.append(collateral_item)

        product_types: list[str] | Unset = UNSET
        if not isinstance(self.product_types, Unset):
            product_types = []
            for product_types_item_data in self.product_types:
                product_types_item: str = product_types_item_data
                product_types.append(product_types_item)

        region_codes: list[str] | Unset = UNSET
        if not isinstance(self.region_codes, Unset):
            region_codes = self.region_codes

        sizes: list[str] | Unset = UNSET
        if not isinstance(self.sizes, Unset):
            sizes = []
            for sizes_item_data in self.sizes:
                sizes_item: str = sizes_item_data
                sizes.append(sizes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if collateral is not UNSET:
            field_dict["collateral"] = collateral
        if product_types is not UNSET:
            field_dict["product_types"] = product_types
        if region_codes is not UNSET:
            field_dict["region_codes"] = region_codes
        if sizes is not UNSET:
            field_dict["sizes"] = sizes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _collateral = d.pop("collateral", UNSET)
        collateral: list[EligibilityCollateralItem] | Unset = UNSET
        if _collateral is not UNSET:
            collateral = []
            for collateral_item_data in _collateral:
                collateral_item = check_eligibility_collateral_item(
                    collateral_item_data
                )

                collateral.append(collateral_item)

        _product_types = d.pop("product_types", UNSET)
        product_types: list[EligibilityProductTypesItem] | Unset = UNSET
        if _product_types is not UNSET:
            product_types = []
            for product_types_item_data in _product_types:
                product_types_item = check_eligibility_product_types_item(
                    product_types_item_data
                )

                product_types.append(product_types_item)

        region_codes = cast(list[str], d.pop("region_codes", UNSET))

        _sizes = d.pop("sizes", UNSET)
        sizes: list[EligibilitySizesItem] | Unset = UNSET
        if _sizes is not UNSET:
            sizes = []
            for sizes_item_data in _sizes:
                sizes_item = check_eligibility_sizes_item(sizes_item_data)

                sizes.append(sizes_item)

        eligibility = cls(
            collateral=collateral,
            product_types=product_types,
            region_codes=region_codes,
            sizes=sizes,
        )

        return eligibility
