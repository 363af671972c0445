"""The sentences of matching's reasons and failed criteria (CONTRACT §5), by stable code. Pure.

Each check names a code (``amount.within``) and the values it speaks of; its English detail is
``REASONS[code]`` filled with them. The same templates are the English entries ``reason:<code>``
of kit/locale/en/LC_MESSAGES/messages.po, and the Chinese entries translate them (CONTRACT §1
"Language"): the answer is put into the caller's language where it is shaped
(service/matching.py), from the code and values, never by parsing the English.
"""

from __future__ import annotations

from services.loan_match.rules.facts import Check, Criterion

REASONS: dict[str, str] = {
    "amount.within": "amount {amount} is within {min} to {max}",
    "amount.outside": "amount {amount} is outside {min} to {max}",
    "term.within": "term {term} months is within {min} to {max} months",
    "term.outside": "term {term} months is outside {min} to {max} months",
    "rating.any": "no minimum taxpayer credit rating",
    "rating.meets": "rating {rating} meets the minimum {minimum}",
    "rating.below": "rating {rating} is below the minimum {minimum}",
    "rating.not_authorised": "the enterprise has not authorised this app to use its tax credit data",
    "rating.unavailable": (
        "the credit rating service did not answer, so rating of {minimum} or better is unknown"
    ),
    "rating.none": (
        "the enterprise has no current taxpayer credit rating, so no rating of {minimum} or better"
    ),
    "tax_multiple.any": "no tax-based amount limit",
    "tax_multiple.not_authorised": "the enterprise has not authorised this app to use its tax credit data",
    "tax_multiple.unavailable": "the credit rating service did not answer, so tax-based limit is unknown",
    "tax_multiple.none": "the enterprise has no current taxpayer credit rating, so no tax-based limit",
    "tax_multiple.no_multiple": "the product sets no tax multiple for rating {rating}",
    "tax_multiple.no_figure": "no average annual tax figure is on record for the enterprise",
    "tax_multiple.within": (
        "amount is within {multiple} x the enterprise's average annual tax (rating {rating})"
    ),
    "tax_multiple.above": (
        "amount is above {multiple} x the enterprise's average annual tax (rating {rating})"
    ),
    "size.in": "size {size} is one of {sizes}",
    "size.out": "size {size} is not one of {sizes}",
    "region.any": "any region",
    "region.covered": "region {region} is covered by {codes}",
    "region.not_covered": "region {region} is not covered by {codes}",
    "industry.any": "any industry",
    "industry.under": "industry {industry} is under {prefixes}",
    "industry.not_under": "industry {industry} is not under {prefixes}",
    "years_in_business.count": "{years} full years in business, {needed} needed",
    "revenue.amount": "revenue {revenue}, at least {needed} needed",
    "flags.any": "no qualification required",
    "flags.missing": "missing required qualification: {missing}",
    "flags.held": "holds {flags}",
    "collateral.any": "no collateral needed",
    "collateral.held": "holds accepted collateral: {held}",
    "collateral.missing": "holds none of the accepted collateral: {accepted}",
    "guarantee_capacity.any": "no guarantee needed",
    "guarantee_capacity.unavailable": (
        "the guarantee service did not answer, so guarantee headroom is unknown"
    ),
    "guarantee_capacity.headroom": (
        "a guarantor with an agreement with this bank has headroom for the guaranteed part (80%)"
    ),
    "guarantee_capacity.no_headroom": (
        "no guarantor with an agreement with this bank has headroom for the guaranteed part (80%)"
    ),
    # 重大税收违法失信主体信息公布管理办法 (国家税务总局令第54号): the list is public.
    "credit_standing.blacklisted": (
        "the enterprise is on the 重大税收违法失信主体 list (major tax violators, 国家税务总局令第54号), "
        "so no product is offered while it stays there"
    ),
    "credit_standing.clear": "the enterprise is not on the 重大税收违法失信主体 list",
}


def reason(criterion: Criterion, code: str, **values: object) -> Check:
    """The check of ``criterion``: its English detail, and the code and values it was made from."""
    shown = tuple((name, str(value)) for name, value in values.items())
    return Check(criterion, REASONS[code].format(**dict(shown)), code, shown)
