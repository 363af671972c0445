from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.product_create_accepted_collateral_item import (
    ProductCreateAcceptedCollateralItem,
    check_product_create_accepted_collateral_item,
)
from ..models.product_create_min_rating_type_0 import (
    ProductCreateMinRatingType0,
    check_product_create_min_rating_type_0,
)
from ..models.product_create_product_type import (
    ProductCreateProductType,
    check_product_create_product_type,
)
from ..models.product_create_required_flags_item import (
    ProductCreateRequiredFlagsItem,
    check_product_create_required_flags_item,
)
from ..models.product_create_sizes_item import (
    ProductCreateSizesItem,
    check_product_create_sizes_item,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tax_multiple import TaxMultiple


T = TypeVar("T", bound="ProductCreate")


@_attrs_define
class ProductCreate:
    """A loan product with its structured eligibility. Empty lists mean "any".

    Attributes:
        annual_rate_bp (int): A rate in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer (CONTRACT §1).
        max_amount_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT §1).
        max_term_months (int): A loan term in whole months.
        min_amount_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT §1).
        min_term_months (int): A loan term in whole months.
        name (str):
        product_type (ProductCreateProductType):
        accepted_collateral (list[ProductCreateAcceptedCollateralItem] | Unset): Kinds of collateral.
        guarantee_fee_bp (int | Unset): A rate in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer (CONTRACT
            §1). Default: 100.
        industry_prefixes (list[str] | Unset): GB/T 4754-2017 sections or code prefixes (C, I65); empty: any.
        interest_subsidy_bp (int | Unset): A rate in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer
            (CONTRACT §1). Default: 0.
        min_rating (None | ProductCreateMinRatingType0 | Unset): Lowest 纳税信用级别 accepted (A, B or M); none: no rating
            needed.
        min_revenue_fen (int | Unset): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float
            (CONTRACT §1). Default: 0.
        min_years_in_business (int | Unset): Whole years since establishment. Default: 0.
        region_codes (list[str] | Unset): GB/T 2260 codes: 620000 is all Gansu, 620100 a prefecture (6201xx), a county
            code itself; empty: anywhere.
        required_flags (list[ProductCreateRequiredFlagsItem] | Unset): 高新技术企业 (high_tech), 专精特新 (specialized_sme),
            农业产业化龙头 (agri_leading).
        requires_guarantee (bool | Unset): Only with a guarantor's cover: matching checks guarantee capacity. Default:
            False.
        sizes (list[ProductCreateSizesItem] | Unset): Enterprise sizes served (工信部联企业〔2011〕300号).
        tax_multiple (None | TaxMultiple | Unset): Amount cap as a multiple of the average annual tax, per level.
    """

    annual_rate_bp: int
    max_amount_fen: int
    max_term_months: int
    min_amount_fen: int
    min_term_months: int
    name: str
    product_type: ProductCreateProductType
    accepted_collateral: list[ProductCreateAcceptedCollateralItem] | Unset = UNSET
    guarantee_fee_bp: int | Unset = 100
    industry_prefixes: list[str] | Unset = UNSET
    interest_subsidy_bp: int | Unset = 0
    min_rating: None | ProductCreateMinRatingType0 | Unset = UNSET
    min_revenue_fen: int | Unset = 0
    min_years_in_business: int | Unset = 0
    region_codes: list[str] | Unset = UNSET
    required_flags: list[ProductCreateRequiredFlagsItem] | Unset = UNSET
    requires_guarantee: bool | Unset = False
    sizes: list[ProductCreateSizesItem] | Unset = UNSET
    tax_multiple: None | TaxMultiple | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_multiple import TaxMultiple

        annual_rate_bp = self.annual_rate_bp

        max_amount_fen = self.max_amount_fen

        max_term_months = self.max_term_months

        min_amount_fen = self.min_amount_fen

        min_term_months = self.min_term_months

        name = self.name

        product_type: str = self.product_type

        accepted_collateral: list[str] | Unset = UNSET
        if not isinstance(self.accepted_collateral, Unset):
            accepted_collateral = []
            for accepted_collateral_item_data in self.accepted_collateral:
                accepted_collateral_item: str = accepted_collateral_item_data
                accepted_collateral.append(accepted_collateral_item)

        guarantee_fee_bp = self.guarantee_fee_bp

        industry_prefixes: list[str] | Unset = UNSET
        if not isinstance(self.industry_prefixes, Unset):
            industry_prefixes = self.industry_prefixes

        interest_subsidy_bp = self.interest_subsidy_bp

        min_rating: None | str | Unset
        if isinstance(self.min_rating, Unset):
            min_rating = UNSET
        elif isinstance(self.min_rating, str):
            min_rating = self.min_rating
        else:
            min_rating = self.min_rating

        min_revenue_fen = self.min_revenue_fen

        min_years_in_business = self.min_years_in_business

        region_codes: list[str] | Unset = UNSET
        if not isinstance(self.region_codes, Unset):
            region_codes = self.region_codes

        required_flags: list[str] | Unset = UNSET
        if not isinstance(self.required_flags, Unset):
            required_flags = []
            for required_flags_item_data in self.required_flags:
                required_flags_item: str = required_flags_item_data
                required_flags.append(required_flags_item)

        requires_guarantee = self.requires_guarantee

        sizes: list[str] | Unset = UNSET
        if not isinstance(self.sizes, Unset):
            sizes = []
            for sizes_item_data in self.sizes:
                sizes_item: str = sizes_item_data
                sizes.append(sizes_item)

        tax_multiple: dict[str, Any] | None | Unset
        if isinstance(self.tax_multiple, Unset):
            tax_multiple = UNSET
        elif isinstance(self.tax_multiple, TaxMultiple):
            tax_multiple = self.tax_multiple.to_dict()
        else:
            tax_multiple = self.tax_multiple

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "annual_rate_bp": annual_rate_bp,
                "max_amount_fen": max_amount_fen,
                "max_term_months": max_term_months,
                "min_amount_fen": min_amount_fen,
                "min_term_months": min_term_months,
                "name": name,
                "product_type": product_type,
            }
        )
        if accepted_collateral is not UNSET:
            field_dict["accepted_collateral"] = accepted_collateral
        if guarantee_fee_bp is not UNSET:
            field_dict["guarantee_fee_bp"] = guarantee_fee_bp
        if industry_prefixes is not UNSET:
            field_dict["industry_prefixes"] = industry_prefixes
        if interest_subsidy_bp is not UNSET:
            field_dict["interest_subsidy_bp"] = interest_subsidy_bp
        if min_rating is not UNSET:
            field_dict["min_rating"] = min_rating
        if min_revenue_fen is not UNSET:
            field_dict["min_revenue_fen"] = min_revenue_fen
        if min_years_in_business is not UNSET:
            field_dict["min_years_in_business"] = min_years_in_business
        if region_codes is not UNSET:
            field_dict["region_codes"] = region_codes
        if required_flags is not UNSET:
            field_dict["required_flags"] = required_flags
        if requires_guarantee is not UNSET:
            field_dict["requires_guarantee"] = requires_guarantee
        if sizes is not UNSET:
            field_dict["sizes"] = sizes
        if tax_multiple is not UNSET:
            field_dict["tax_multiple"] = tax_multiple

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tax_multiple import TaxMultiple

        d = dict(src_dict)
        annual_rate_bp = d.pop("annual_rate_bp")

        max_amount_fen = d.pop("max_amount_fen")

        max_term_months = d.pop("max_term_months")

        min_amount_fen = d.pop("min_amount_fen")

        min_term_months = d.pop("min_term_months")

        name = d.pop("name")

        product_type = check_product_create_product_type(d.pop("product_type"))

        _accepted_collateral = d.pop("accepted_collateral", UNSET)
        accepted_collateral: list[ProductCreateAcceptedCollateralItem] | Unset = UNSET
        if _accepted_collateral is not UNSET:
            accepted_collateral = []
            for accepted_collateral_item_data in _accepted_collateral:
                accepted_collateral_item = (
                    check_product_create_accepted_collateral_item(
                        accepted_collateral_item_data
                    )
                )

                accepted_collateral.append(accepted_collateral_item)

        guarantee_fee_bp = d.pop("guarantee_fee_bp", UNSET)

        industry_prefixes = cast(list[str], d.pop("industry_prefixes", UNSET))

        interest_subsidy_bp = d.pop("interest_subsidy_bp", UNSET)

        def _parse_min_rating(
            data: object,
        ) -> None | ProductCreateMinRatingType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                min_rating_type_0 = check_product_create_min_rating_type_0(data)

                return min_rating_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductCreateMinRatingType0 | Unset, data)

        min_rating = _parse_min_rating(d.pop("min_rating", UNSET))

        min_revenue_fen = d.pop("min_revenue_fen", UNSET)

        min_years_in_business = d.pop("min_years_in_business", UNSET)

        region_codes = cast(list[str], d.pop("region_codes", UNSET))

        _required_flags = d.pop("required_flags", UNSET)
        required_flags: list[ProductCreateRequiredFlagsItem] | Unset = UNSET
        if _required_flags is not UNSET:
            required_flags = []
            for required_flags_item_data in _required_flags:
                required_flags_item = check_product_create_required_flags_item(
                    required_flags_item_data
                )

                required_flags.append(required_flags_item)

        requires_guarantee = d.pop("requires_guarantee", UNSET)

        _sizes = d.pop("sizes", UNSET)
        sizes: list[ProductCreateSizesItem] | Unset = UNSET
        if _sizes is not UNSET:
            sizes = []
            for sizes_item_data in _sizes:
                sizes_item = check_product_create_sizes_item(sizes_item_data)

                sizes.append(sizes_item)

        def _parse_tax_multiple(data: object) -> None | TaxMultiple | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tax_multiple_type_0 = TaxMultiple.from_dict(data)

                return tax_multiple_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaxMultiple | Unset, data)

        tax_multiple = _parse_tax_multiple(d.pop("tax_multiple", UNSET))

        product_create = cls(
            annual_rate_bp=annual_rate_bp,
            max_amount_fen=max_amount_fen,
            max_term_months=max_term_months,
            min_amount_fen=min_amount_fen,
            min_term_months=min_term_months,
            name=name,
            product_type=product_type,
            accepted_collateral=accepted_collateral,
            guarantee_fee_bp=guarantee_fee_bp,
            industry_prefixes=industry_prefixes,
            interest_subsidy_bp=interest_subsidy_bp,
            min_rating=min_rating,
            min_revenue_fen=min_revenue_fen,
            min_years_in_business=min_years_in_business,
            region_codes=region_codes,
            required_flags=required_flags,
            requires_guarantee=requires_guarantee,
            sizes=sizes,
            tax_multiple=tax_multiple,
        )

        return product_create
