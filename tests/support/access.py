"""Who may call what: CONTRACT §2-§5's "who" column for every public operation.

``ROLES`` maps each operation to the roles that may call it; the first role is the one the
fuzzer calls with. A test asserts it names exactly the operations the gateway's
``/openapi.json`` has, so a new operation cannot slip past the contract tests unnoticed.
"""

from __future__ import annotations

from typing import Any

G = "/v1/guarantee"
ALL_ROLES = ("admin", "tax_authority", "bank", "guarantor", "partner_app", "fund_manager")
PUBLIC = ()  # operations without authentication

# (METHOD, path template) -> the roles that may call it; the first is the fuzzer's caller.
ROLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/readyz"): PUBLIC,
    # §2 identity
    ("POST", "/v1/orgs"): ("admin",),
    ("GET", "/v1/orgs"): ("admin",),
    ("POST", "/v1/orgs/{org_id}/keys"): ("admin",),
    ("GET", "/v1/orgs/{org_id}/keys"): ("admin",),
    ("DELETE", "/v1/orgs/{org_id}/keys/{key_id}"): ("admin",),
    ("GET", "/v1/me"): ALL_ROLES,
    # §3 credit_push
    ("POST", "/v1/credit/ratings"): ("tax_authority",),
    ("GET", "/v1/credit/ratings/{uscc}"): ("tax_authority", "admin", "bank"),
    ("POST", "/v1/credit/consents"): ("partner_app",),
    ("GET", "/v1/credit/consents"): ("partner_app", "bank"),
    ("DELETE", "/v1/credit/consents/{consent_id}"): ("partner_app",),
    ("POST", "/v1/credit/subscriptions"): ("bank",),
    ("GET", "/v1/credit/subscriptions"): ("bank",),
    ("GET", "/v1/credit/subscriptions/{sub_id}"): ("bank",),
    ("PATCH", "/v1/credit/subscriptions/{sub_id}"): ("bank",),
    ("DELETE", "/v1/credit/subscriptions/{sub_id}"): ("bank",),
    ("POST", "/v1/credit/subscriptions/{sub_id}/rotate-secret"): ("bank",),
    ("POST", "/v1/credit/subscriptions/{sub_id}/recover"): ("bank",),
    ("GET", "/v1/credit/deliveries"): ("bank",),
    ("POST", "/v1/credit/deliveries/{delivery_id}/retry"): ("bank",),
    ("GET", "/v1/credit/feed"): ("bank",),
    ("POST", "/v1/credit/outcomes"): ("bank",),
    ("GET", "/v1/credit/outcomes"): ("bank", "tax_authority", "admin"),
    ("POST", "/v1/credit/authorisations"): ("partner_app",),
    ("GET", "/v1/credit/authorisations"): ("partner_app",),
    ("GET", "/v1/credit/authorisations/{auth_id}"): ("partner_app",),
    ("DELETE", "/v1/credit/authorisations/{auth_id}"): ("partner_app",),
    ("GET", "/v1/credit/access-log"): ("tax_authority", "admin", "partner_app"),
    ("GET", "/v1/credit/stats"): ("admin", "tax_authority"),
    ("POST", "/v1/credit/blacklist"): ("tax_authority",),
    ("DELETE", "/v1/credit/blacklist/{entry_id}"): ("tax_authority",),
    ("GET", "/v1/credit/blacklist"): ("tax_authority", "admin", "bank"),
    ("GET", "/v1/credit/a-list"): ALL_ROLES,
    ("GET", "/v1/credit/uploads"): ("tax_authority", "admin"),
    ("GET", "/v1/credit/uploads/{upload_id}"): ("tax_authority", "admin"),
    # §4 guarantee ("guarantor" is the local guarantor of the world's chain)
    ("POST", f"{G}/institutions"): ("admin",),
    ("GET", f"{G}/institutions"): ("admin",),
    ("GET", f"{G}/institutions/{{institution_id}}"): ("admin", "guarantor"),
    ("PATCH", f"{G}/institutions/{{institution_id}}"): ("admin",),
    ("GET", f"{G}/institutions/{{institution_id}}/position"): ("admin", "guarantor"),
    ("POST", f"{G}/agreements"): ("admin",),
    ("GET", f"{G}/agreements"): ("admin", "guarantor", "bank"),
    ("GET", f"{G}/agreements/{{agreement_id}}"): ("admin", "guarantor", "bank"),
    ("POST", f"{G}/exposures"): ("guarantor",),
    ("GET", f"{G}/exposures"): ("admin", "guarantor", "bank"),
    ("GET", f"{G}/exposures/{{exposure_id}}"): ("admin", "guarantor", "bank"),
    ("POST", f"{G}/exposures/{{exposure_id}}/repayments"): ("guarantor",),
    ("POST", f"{G}/exposures/{{exposure_id}}/default"): ("guarantor",),
    ("POST", f"{G}/exposures/{{exposure_id}}/recoveries"): ("guarantor",),
    ("GET", f"{G}/reports/summary"): ("admin", "guarantor"),
    ("GET", f"{G}/reports/pools"): ("admin", "fund_manager"),
    ("GET", f"{G}/reports/bridge-funds"): ("admin", "fund_manager"),
    # §6 policy funds in guarantee (pools: its fund manager and its banks; bridge funds: the manager)
    ("POST", f"{G}/pools"): ("fund_manager",),
    ("GET", f"{G}/pools"): ("fund_manager", "admin", "bank"),
    ("GET", f"{G}/pools/{{pool_id}}"): ("fund_manager", "admin", "bank"),
    ("GET", f"{G}/pools/{{pool_id}}/position"): ("fund_manager", "admin"),
    ("POST", f"{G}/pools/{{pool_id}}/loans"): ("bank",),
    ("POST", f"{G}/pools/{{pool_id}}/loans/{{loan_id}}/overdue"): ("bank",),
    ("POST", f"{G}/pools/{{pool_id}}/loans/{{loan_id}}/default"): ("bank",),
    ("POST", f"{G}/pools/{{pool_id}}/loans/{{loan_id}}/recoveries"): ("bank",),
    ("POST", f"{G}/bridge-funds"): ("fund_manager",),
    ("GET", f"{G}/bridge-funds"): ("fund_manager", "admin"),
    ("GET", f"{G}/bridge-funds/{{fund_id}}"): ("fund_manager", "admin"),
    ("GET", f"{G}/bridge-funds/{{fund_id}}/position"): ("fund_manager", "admin"),
    ("POST", f"{G}/bridge-funds/{{fund_id}}/loans"): ("fund_manager",),
    ("GET", f"{G}/bridge-funds/{{fund_id}}/loans"): ("fund_manager", "admin"),
    ("POST", f"{G}/bridge-funds/{{fund_id}}/loans/{{loan_id}}/repaid"): ("fund_manager",),
    # §5 loan_match
    ("POST", "/v1/match/products"): ("bank",),
    ("GET", "/v1/match/products"): ALL_ROLES,
    ("GET", "/v1/match/products/{product_id}"): ALL_ROLES,
    ("PATCH", "/v1/match/products/{product_id}"): ("bank",),
    ("DELETE", "/v1/match/products/{product_id}"): ("bank",),
    ("PUT", "/v1/match/enterprises/{uscc}"): ("partner_app",),
    ("GET", "/v1/match/enterprises/{uscc}"): ("partner_app",),
    ("POST", "/v1/match/queries"): ("partner_app",),
    ("POST", "/v1/match/demands"): ("partner_app",),
    ("GET", "/v1/match/demands"): ("partner_app", "bank"),
    ("GET", "/v1/match/demands/{demand_id}"): ("partner_app", "bank"),
    ("POST", "/v1/match/demands/{demand_id}/responses"): ("bank",),
    ("GET", "/v1/match/stats"): ("admin",),
    ("GET", "/v1/match/stats/programmes"): ("admin", "fund_manager"),
    # §6 subsidy programmes (loan_match)
    ("POST", "/v1/match/programmes"): ("fund_manager",),
    ("GET", "/v1/match/programmes"): ALL_ROLES,
    ("GET", "/v1/match/programmes/{programme_id}"): ALL_ROLES,
    ("POST", "/v1/match/programmes/{programme_id}/claims"): ("bank", "partner_app"),
    ("GET", "/v1/match/programmes/{programme_id}/claims"): ("admin", "bank", "partner_app", "fund_manager"),
    ("POST", "/v1/match/claims/{claim_id}/decision"): ("fund_manager",),
    ("PUT", "/v1/match/calendar/{year}"): ("admin",),
    ("GET", "/v1/match/calendar/{year}"): ALL_ROLES,
}


def operations(spec: dict[str, Any]) -> set[tuple[str, str]]:
    methods = {"get", "post", "put", "patch", "delete"}
    return {(m.upper(), path) for path, item in spec["paths"].items() for m in item if m in methods}
