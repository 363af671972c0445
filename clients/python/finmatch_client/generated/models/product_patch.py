from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.product_patch_accepted_collateral_type_0_item import (
    ProductPatchAcceptedCollateralType0Item,
    check_product_patch_accepted_collateral_type_0_item,
)
from ..models.product_patch_min_rating_type_0 import (
    ProductPatchMinRatingType0,
    check_product_patch_min_rating_type_0,
)
from ..models.product_patch_product_type_type_0 import (
    ProductPatchProductTypeType0,
    check_product_patch_product_type_type_0,
)
from ..models.product_patch_required_flags_type_0_item import (
    ProductPatchRequiredFlagsType0Item,
    check_product_patch_required_flags_type_0_item,
)
from ..models.product_patch_sizes_type_0_item import (
    ProductPatchSizesType0Item,
    check_product_patch_sizes_type_0_item,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tax_multiple import TaxMultiple


T = TypeVar("T", bound="ProductPatch")


@_attrs_define
class ProductPatch:
    """Any subset of a product's fields; the result must still be a consistent product.

    Attributes:
        accepted_collateral (list[ProductPatchAcceptedCollateralType0Item] | None | Unset):
        annual_rate_bp (int | None | Unset): Annual rate, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an
            integer.
        guarantee_fee_bp (int | None | Unset): Guarantee fee, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an
            integer.
        industry_prefixes (list[str] | None | Unset):
        interest_subsidy_bp (int | None | Unset): Interest subsidy, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %),
            an integer.
        max_amount_fen (int | None | Unset): Max amount, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        max_term_months (int | None | Unset):
        min_amount_fen (int | None | Unset): Min amount, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        min_rating (None | ProductPatchMinRatingType0 | Unset):
        min_revenue_fen (int | None | Unset): Min revenue, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        min_term_months (int | None | Unset):
        min_years_in_business (int | None | Unset):
        name (None | str | Unset):
        product_type (None | ProductPatchProductTypeType0 | Unset):
        region_codes (list[str] | None | Unset):
        required_flags (list[ProductPatchRequiredFlagsType0Item] | None | Unset):
        requires_guarantee (bool | None | Unset):
        sizes (list[ProductPatchSizesType0Item] | None | Unset):
        tax_multiple (None | TaxMultiple | Unset):
    """

    accepted_collateral: (
        list[ProductPatchAcceptedCollateralType0Item] | None | Unset
    ) = UNSET
    annual_rate_bp: int | None | Unset = UNSET
    guarantee_fee_bp: int | None | Unset = UNSET
    industry_prefixes: list[str] | None | Unset = UNSET
    interest_subsidy_bp: int | None | Unset = UNSET
    max_amount_fen: int | None | Unset = UNSET
    max_term_months: int | None | Unset = UNSET
    min_amount_fen: int | None | Unset = UNSET
    min_rating: None | ProductPatchMinRatingType0 | Unset = UNSET
    min_revenue_fen: int | None | Unset = UNSET
    min_term_months: int | None | Unset = UNSET
    min_years_in_business: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    product_type: None | ProductPatchProductTypeType0 | Unset = UNSET
    region_codes: list[str] | None | Unset = UNSET
    required_flags: list[ProductPatchRequiredFlagsType0Item] | None | Unset = UNSET
    requires_guarantee: bool | None | Unset = UNSET
    sizes: list[ProductPatchSizesType0Item] | None | Unset = UNSET
    tax_multiple: None | TaxMultiple | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_multiple import TaxMultiple

        accepted_collateral: list[str] | None | Unset
        if isinstance(self.accepted_collateral, Unset):
            accepted_collateral = UNSET
        elif isinstance(self.accepted_collateral, list):
            accepted_collateral = []
            for accepted_collateral_type_0_item_data in self.accepted_collateral:
                accepted_collateral_type_0_item: str = (
                    accepted_collateral_type_0_item_data
                )
                accepted_collateral.append(accepted_collateral_type_0_item)

        else:
            accepted_collateral = self.accepted_collateral

        annual_rate_bp: int | None | Unset
        if isinstance(self.annual_rate_bp, Unset):
            annual_rate_bp = UNSET
        else:
            annual_rate_bp = self.annual_rate_bp

        guarantee_fee_bp: int | None | Unset
        if isinstance(self.guarantee_fee_bp, Unset):
            guarantee_fee_bp = UNSET
        else:
            guarantee_fee_bp = self.guarantee_fee_bp

        industry_prefixes: list[str] | None | Unset
        if isinstance(self.industry_prefixes, Unset):
            industry_prefixes = UNSET
        elif isinstance(self.industry_prefixes, list):
            industry_prefixes = self.industry_prefixes

        else:
            industry_prefixes = self.industry_prefixes

        interest_subsidy_bp: int | None | Unset
        if isinstance(self.interest_subsidy_bp, Unset):
            interest_subsidy_bp = UNSET
        else:
            interest_subsidy_bp = self.interest_subsidy_bp

        max_amount_fen: int | None | Unset
        if isinstance(self.max_amount_fen, Unset):
            max_amount_fen = UNSET
        else:
            max_amount_fen = self.max_amount_fen

        max_term_months: int | None | Unset
        if isinstance(self.max_term_months, Unset):
            max_term_months = UNSET
        else:
            max_term_months = self.max_term_months

        min_amount_fen: int | None | Unset
        if isinstance(self.min_amount_fen, Unset):
            min_amount_fen = UNSET
        else:
            min_amount_fen = self.min_amount_fen

        min_rating: None | str | Unset
        if isinstance(self.min_rating, Unset):
            min_rating = UNSET
        elif isinstance(self.min_rating, str):
            min_rating = self.min_rating
        else:
            min_rating = self.min_rating

        min_revenue_fen: int | None | Unset
        if isinstance(self.min_revenue_fen, Unset):
            min_revenue_fen = UNSET
        else:
            min_revenue_fen = self.min_revenue_fen

        min_term_months: int | None | Unset
        if isinstance(self.min_term_months, Unset):
            min_term_months = UNSET
        else:
            min_term_months = self.min_term_months

        min_years_in_business: int | None | Unset
        if isinstance(self.min_years_in_business, Unset):
            min_years_in_business = UNSET
        else:
            min_years_in_business = self.min_years_in_business

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        product_type: None | str | Unset
        if isinstance(self.product_type, Unset):
            product_type = UNSET
        elif isinstance(self.product_type, str):
            product_type = self.product_type
        else:
            product_type = self.product_type

        region_codes: list[str] | None | Unset
        if isinstance(self.region_codes, Unset):
            region_codes = UNSET
        elif isinstance(self.region_codes, list):
            region_codes = self.region_codes

        else:
            region_codes = self.region_codes

        required_flags: list[str] | None | Unset
        if isinstance(self.required_flags, Unset):
            required_flags = UNSET
        elif isinstance(self.required_flags, list):
            required_flags = []
            for required_flags_type_0_item_data in self.required_flags:
                required_flags_type_0_item: str = required_flags_type_0_item_data
                required_flags.append(required_flags_type_0_item)

        else:
            required_flags = self.required_flags

        requires_guarantee: bool | None | Unset
        if isinstance(self.requires_guarantee, Unset):
            requires_guarantee = UNSET
        else:
            requires_guarantee = self.requires_guarantee

        sizes: list[str] | None | Unset
        if isinstance(self.sizes, Unset):
            sizes = UNSET
        elif isinstance(self.sizes, list):
            sizes = []
            for sizes_type_0_item_data in self.sizes:
                sizes_type_0_item: str = sizes_type_0_item_data
                sizes.append(sizes_type_0_item)

        else:
            sizes = self.sizes

        tax_multiple: dict[str, Any] | None | Unset
        if isinstance(self.tax_multiple, Unset):
            tax_multiple = UNSET
        elif isinstance(self.tax_multiple, TaxMultiple):
            tax_multiple = self.tax_multiple.to_dict()
        else:
            tax_multiple = self.tax_multiple

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if accepted_collateral is not UNSET:
            field_dict["accepted_collateral"] = accepted_collateral
        if annual_rate_bp is not UNSET:
            field_dict["annual_rate_bp"] = annual_rate_bp
        if guarantee_fee_bp is not UNSET:
            field_dict["guarantee_fee_bp"] = guarantee_fee_bp
        if industry_prefixes is not UNSET:
            field_dict["industry_prefixes"] = industry_prefixes
        if interest_subsidy_bp is not UNSET:
            field_dict["interest_subsidy_bp"] = interest_subsidy_bp
        if max_amount_fen is not UNSET:
            field_dict["max_amount_fen"] = max_amount_fen
        if max_term_months is not UNSET:
            field_dict["max_term_months"] = max_term_months
        if min_amount_fen is not UNSET:
            field_dict["min_amount_fen"] = min_amount_fen
        if min_rating is not UNSET:
            field_dict["min_rating"] = min_rating
        if min_revenue_fen is not UNSET:
            field_dict["min_revenue_fen"] = min_revenue_fen
        if min_term_months is not UNSET:
            field_dict["min_term_months"] = min_term_months
        if min_years_in_business is not UNSET:
            field_dict["min_years_in_business"] = min_years_in_business
        if name is not UNSET:
            field_dict["name"] = name
        if product_type is not UNSET:
            field_dict["product_type"] = product_type
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

        def _parse_accepted_collateral(
            data: object,
        ) -> list[ProductPatchAcceptedCollateralType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                accepted_collateral_type_0 = []
                _accepted_collateral_type_0 = data
                for accepted_collateral_type_0_item_data in _accepted_collateral_type_0:
                    accepted_collateral_type_0_item = (
                        check_product_patch_accepted_collateral_type_0_item(
                            accepted_collateral_type_0_item_data
                        )
                    )

                    accepted_collateral_type_0.append(accepted_collateral_type_0_item)

                return accepted_collateral_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[ProductPatchAcceptedCollateralType0Item] | None | Unset, data
            )

        accepted_collateral = _parse_accepted_collateral(
            d.pop("accepted_collateral", UNSET)
        )

        def _parse_annual_rate_bp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        annual_rate_bp = _parse_annual_rate_bp(d.pop("annual_rate_bp", UNSET))

        def _parse_guarantee_fee_bp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        guarantee_fee_bp = _parse_guarantee_fee_bp(d.pop("guarantee_fee_bp", UNSET))

        def _parse_industry_prefixes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                industry_prefixes_type_0 = cast(list[str], data)

                return industry_prefixes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        industry_prefixes = _parse_industry_prefixes(d.pop("industry_prefixes", UNSET))

        def _parse_interest_subsidy_bp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        interest_subsidy_bp = _parse_interest_subsidy_bp(
            d.pop("interest_subsidy_bp", UNSET)
        )

        def _parse_max_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_amount_fen = _parse_max_amount_fen(d.pop("max_amount_fen", UNSET))

        def _parse_max_term_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_term_months = _parse_max_term_months(d.pop("max_term_months", UNSET))

        def _parse_min_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_amount_fen = _parse_min_amount_fen(d.pop("min_amount_fen", UNSET))

        def _parse_min_rating(
            data: object,
        ) -> None | ProductPatchMinRatingType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                min_rating_type_0 = check_product_patch_min_rating_type_0(data)

                return min_rating_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductPatchMinRatingType0 | Unset, data)

        min_rating = _parse_min_rating(d.pop("min_rating", UNSET))

        def _parse_min_revenue_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_revenue_fen = _parse_min_revenue_fen(d.pop("min_revenue_fen", UNSET))

        def _parse_min_term_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_term_months = _parse_min_term_months(d.pop("min_term_months", UNSET))

        def _parse_min_years_in_business(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_years_in_business = _parse_min_years_in_business(
            d.pop("min_years_in_business", UNSET)
        )

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_product_type(
            data: object,
        ) -> None | ProductPatchProductTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_type_type_0 = check_product_patch_product_type_type_0(data)

                return product_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductPatchProductTypeType0 | Unset, data)

        product_type = _parse_product_type(d.pop("product_type", UNSET))

        def _parse_region_codes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                region_codes_type_0 = cast(list[str], data)

                return region_codes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        region_codes = _parse_region_codes(d.pop("region_codes", UNSET))

        def _parse_required_flags(
            data: object,
        ) -> list[ProductPatchRequiredFlagsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                required_flags_type_0 = []
                _required_flags_type_0 = data
                for required_flags_type_0_item_data in _required_flags_type_0:
                    required_flags_type_0_item = (
                        check_product_patch_required_flags_type_0_item(
                            required_flags_type_0_item_data
                        )
                    )

                    required_flags_type_0.append(required_flags_type_0_item)

                return required_flags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ProductPatchRequiredFlagsType0Item] | None | Unset, data)

        required_flags = _parse_required_flags(d.pop("required_flags", UNSET))

        def _parse_requires_guarantee(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        requires_guarantee = _parse_requires_guarantee(
            d.pop("requires_guarantee", UNSET)
        )

        def _parse_sizes(
            data: object,
        ) -> list[ProductPatchSizesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sizes_type_0 = []
                _sizes_type_0 = data
                for sizes_type_0_item_data in _sizes_type_0:
                    sizes_type_0_item = check_product_patch_sizes_type_0_item(
                        sizes_type_0_item_data
                    )

                    sizes_type_0.append(sizes_type_0_item)

                return sizes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ProductPatchSizesType0Item] | None | Unset, data)

        sizes = _parse_sizes(d.pop("sizes", UNSET))

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

        product_patch = cls(
            accepted_collateral=accepted_collateral,
            annual_rate_bp=annual_rate_bp,
            guarantee_fee_bp=guarantee_fee_bp,
            industry_prefixes=industry_prefixes,
            interest_subsidy_bp=interest_subsidy_bp,
            max_amount_fen=max_amount_fen,
            max_term_months=max_term_months,
            min_amount_fen=min_amount_fen,
            min_rating=min_rating,
            min_revenue_fen=min_revenue_fen,
            min_term_months=min_term_months,
            min_years_in_business=min_years_in_business,
            name=name,
            product_type=product_type,
            region_codes=region_codes,
            required_flags=required_flags,
            requires_guarantee=requires_guarantee,
            sizes=sizes,
            tax_multiple=tax_multiple,
        )

        return product_patch
