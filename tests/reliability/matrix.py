"""The role matrix: who may call every public operation, and what another tenant gets.

Who may call comes from CONTRACT.md's tables (``contract_who``); the operations the contract
fixes only in its prose (§3 blacklist, §6 policy funds, the calendar, single reads of lists the
table names) are written here with the sentence they come from. ``other`` says what the same
role's *other* org gets when it aims at the first org's object (404: existence does not leak;
422 where the contract names the refusal), and ``hides`` which of the first org's ids a list
must not show to the other org. ``tier`` names the guarantor tier that acts for the role
"guarantor" when the operation is not the local tier's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.reliability.contract_who import ROLES, roles_named, template, who_column

G = "/v1/guarantee"
ANY = frozenset(ROLES)
CALLERS: tuple[str | None, ...] = (*ROLES, None)  # None: no key


@dataclass(frozen=True)
class Row:
    prose: tuple[str, ...] | None = None  # who, when no contract table row says it
    cite: str = ""
    other: dict[str, int] = field(default_factory=dict)
    hides: dict[str, str] = field(default_factory=dict)  # role -> the name of the object id hidden
    tier: str = "local"
    # The provincial above tenant a's local guarantor ("provincial") and tenant b's
    # ("other provincial"): what each gets on the local's object (§4: its ancestors see it).
    chain: dict[str, int] = field(default_factory=dict)


def p(cite: str, *roles: str, **kw: object) -> Row:
    return Row(prose=roles, cite=cite, **kw)  # type: ignore[arg-type]


N404 = {"bank": 404}
APP404 = {"partner_app": 404}
FM404 = {"fund_manager": 404}
SIB404 = {"guarantor": 404}
ANCESTOR_READS = {"provincial": 200, "other provincial": 404}
# Writes are the local guarantor's alone: another tier may never make them (§1: 403 before lookup).
LOCAL_WRITES = {"provincial": 403, "other provincial": 403}

TABLE: dict[tuple[str, str], Row] = {
    # §2 identity: admin's alone, no tenant
    ("POST", "/v1/orgs"): Row(),
    ("GET", "/v1/orgs"): Row(),
    ("POST", "/v1/orgs/{org_id}/keys"): Row(),
    ("GET", "/v1/orgs/{org_id}/keys"): Row(),
    ("DELETE", "/v1/orgs/{org_id}/keys/{key_id}"): Row(),
    ("GET", "/v1/me"): Row(),
    # §3 credit_push
    ("POST", "/v1/credit/ratings"): Row(),
    ("GET", "/v1/credit/ratings/{uscc}"): Row(other=N404),  # a B rating consented to one bank
    ("POST", "/v1/credit/consents"): Row(other={"partner_app": 422}),  # not-authorised-by-enterprise
    ("DELETE", "/v1/credit/consents/{consent_id}"): Row(other=APP404),
    ("GET", "/v1/credit/consents"): Row(hides={"partner_app": "consent_id", "bank": "consent_id"}),
    ("POST", "/v1/credit/subscriptions"): Row(),
    ("GET", "/v1/credit/subscriptions"): Row(hides={"bank": "sub_id"}),
    ("GET", "/v1/credit/subscriptions/{sub_id}"): Row(other=N404),
    ("PATCH", "/v1/credit/subscriptions/{sub_id}"): Row(other=N404),
    ("DELETE", "/v1/credit/subscriptions/{sub_id}"): Row(other=N404),
    ("POST", "/v1/credit/subscriptions/{sub_id}/rotate-secret"): Row(other=N404),
    ("POST", "/v1/credit/subscriptions/{sub_id}/recover"): Row(other=N404),
    ("GET", "/v1/credit/deliveries"): Row(hides={"bank": "delivery_id"}),
    ("POST", "/v1/credit/deliveries/{delivery_id}/retry"): Row(other=N404),
    ("GET", "/v1/credit/feed"): Row(),
    ("POST", "/v1/credit/outcomes"): Row(other={"bank": 422}),  # enterprise-not-pushed
    ("GET", "/v1/credit/outcomes"): Row(),
    ("POST", "/v1/credit/authorisations"): Row(),
    ("GET", "/v1/credit/authorisations"): Row(hides={"partner_app": "auth_id"}),
    ("GET", "/v1/credit/authorisations/{auth_id}"): p(
        "§3 Authorisations: an app's own", "partner_app", other=APP404
    ),
    ("DELETE", "/v1/credit/authorisations/{auth_id}"): Row(other=APP404),
    ("GET", "/v1/credit/access-log"): Row(hides={"partner_app": "uscc"}),
    ("GET", "/v1/credit/stats"): Row(),
    ("POST", "/v1/credit/blacklist"): p("§3 Blacklist: POST (tax_authority)", "tax_authority"),
    ("DELETE", "/v1/credit/blacklist/{entry_id}"): p("§3 Blacklist: DELETE (tax_authority)", "tax_authority"),
    ("GET", "/v1/credit/blacklist"): p(
        "§3 Blacklist: GET (tax_authority, admin, bank); §2 regulator reads what admin reads",
        "tax_authority",
        "admin",
        "regulator",
        "bank",
    ),
    ("GET", "/v1/credit/uploads"): p(
        "§3 Rating files: the history (tax_authority, admin); §2 regulator reads",
        "tax_authority",
        "admin",
        "regulator",
    ),
    ("GET", "/v1/credit/uploads/{upload_id}"): p(
        "§3 Rating files: an upload (tax_authority, admin)", "tax_authority", "admin", "regulator"
    ),
    ("GET", "/v1/credit/a-list"): p("§3 Blacklist: a-list (any role)", *ROLES),
    # §4 guarantee: "guarantor" is the local tier of tenant a, "other" its sibling
    ("POST", f"{G}/institutions"): Row(),
    ("GET", f"{G}/institutions"): p(
        "§4: the chain's register, admin's (regulator reads)", "admin", "regulator"
    ),
    ("GET", f"{G}/institutions/{{institution_id}}"): Row(other=SIB404, chain=ANCESTOR_READS),
    ("PATCH", f"{G}/institutions/{{institution_id}}"): Row(),
    ("GET", f"{G}/institutions/{{institution_id}}/position"): Row(other=SIB404, chain=ANCESTOR_READS),
    ("POST", f"{G}/agreements"): Row(),
    ("GET", f"{G}/agreements"): Row(
        hides={"bank": "agreement_id", "guarantor": "agreement_id"},
        chain={"provincial": 200, "other provincial": 200},
    ),
    ("GET", f"{G}/agreements/{{agreement_id}}"): Row(
        other={"bank": 404, "guarantor": 404}, chain=ANCESTOR_READS
    ),
    # On another guarantor's agreement: 422 invalid-agreement-id, as for an agreement that is not there.
    ("POST", f"{G}/exposures"): Row(other={"guarantor": 422}, chain=LOCAL_WRITES),
    ("GET", f"{G}/exposures"): Row(hides={"bank": "exposure_id", "guarantor": "exposure_id"}),
    ("GET", f"{G}/exposures/{{exposure_id}}"): Row(
        other={"bank": 404, "guarantor": 404}, chain=ANCESTOR_READS
    ),
    ("POST", f"{G}/exposures/{{exposure_id}}/repayments"): Row(other=SIB404, chain=LOCAL_WRITES),
    ("POST", f"{G}/exposures/{{exposure_id}}/default"): Row(other=SIB404, chain=LOCAL_WRITES),
    ("POST", f"{G}/exposures/{{exposure_id}}/recoveries"): Row(other=SIB404, chain=LOCAL_WRITES),
    ("GET", f"{G}/reports/summary"): Row(tier="provincial"),
    # §6 risk pools and bridge funds (guarantee)
    ("POST", f"{G}/pools"): p("§6 Risk pools (fund_manager)", "fund_manager"),
    ("GET", f"{G}/pools"): p(
        "§6: readable by their fund_manager, admin and regulator; a member bank sees its pools",
        *("fund_manager", "admin", "regulator", "bank"),
        hides={"fund_manager": "pool_id", "bank": "pool_id"},
    ),
    ("GET", f"{G}/pools/{{pool_id}}"): p(
        "§6 (as the list)",
        "fund_manager",
        "admin",
        "regulator",
        "bank",
        other={"fund_manager": 404, "bank": 404},
    ),
    ("GET", f"{G}/pools/{{pool_id}}/position"): p(
        "§6: positions for their fund_manager, admin and regulator",
        "fund_manager",
        "admin",
        "regulator",
        other=FM404,
    ),
    ("POST", f"{G}/pools/{{pool_id}}/loans"): p("§6: a member bank registers loans", "bank", other=N404),
    ("POST", f"{G}/pools/{{pool_id}}/loans/{{loan_id}}/overdue"): p(
        "§6: the lending bank", "bank", other=N404
    ),
    ("POST", f"{G}/pools/{{pool_id}}/loans/{{loan_id}}/default"): p(
        "§6: the lending bank", "bank", other=N404
    ),
    ("POST", f"{G}/pools/{{pool_id}}/loans/{{loan_id}}/recoveries"): p(
        "§6: the lending bank", "bank", other=N404
    ),
    ("POST", f"{G}/bridge-funds"): p("§6 Bridge loans (fund_manager)", "fund_manager"),
    ("GET", f"{G}/bridge-funds"): p(
        "§6: fund_manager, admin, regulator",
        "fund_manager",
        "admin",
        "regulator",
        hides={"fund_manager": "fund_id"},
    ),
    ("GET", f"{G}/bridge-funds/{{fund_id}}"): p("§6", "fund_manager", "admin", "regulator", other=FM404),
    ("GET", f"{G}/bridge-funds/{{fund_id}}/position"): p(
        "§6", "fund_manager", "admin", "regulator", other=FM404
    ),
    ("POST", f"{G}/bridge-funds/{{fund_id}}/loans"): p("§6 (fund_manager)", "fund_manager", other=FM404),
    ("GET", f"{G}/bridge-funds/{{fund_id}}/loans"): p(
        "§6", "fund_manager", "admin", "regulator", other=FM404
    ),
    ("POST", f"{G}/bridge-funds/{{fund_id}}/loans/{{loan_id}}/repaid"): p(
        "§6 (fund_manager)", "fund_manager", other=FM404
    ),
    ("GET", f"{G}/reports/pools"): p(
        "§1 statistics, §6: a fund manager its own pools; admin and the regulator all",
        *("admin", "regulator", "fund_manager"),
        hides={"fund_manager": "pool_id"},
    ),
    ("GET", f"{G}/reports/bridge-funds"): p(
        "§1 statistics, §6: a fund manager its own funds; admin and the regulator all",
        *("admin", "regulator", "fund_manager"),
        hides={"fund_manager": "fund_id"},
    ),
    # §5 loan_match
    ("POST", "/v1/match/products"): Row(),
    ("GET", "/v1/match/products"): Row(),
    ("GET", "/v1/match/products/{product_id}"): Row(),  # active products are public
    ("PATCH", "/v1/match/products/{product_id}"): Row(other=N404),
    ("DELETE", "/v1/match/products/{product_id}"): Row(other=N404),
    ("PUT", "/v1/match/enterprises/{uscc}"): Row(),  # keyed by (app, uscc): another app's is its own
    ("GET", "/v1/match/enterprises/{uscc}"): Row(other=APP404),
    ("POST", "/v1/match/queries"): Row(other=APP404),  # no profile of that app
    ("POST", "/v1/match/demands"): Row(other=APP404),  # no profile of that app (as for a query)
    ("GET", "/v1/match/demands"): Row(hides={"partner_app": "demand_id", "bank": "demand_id"}),
    ("GET", "/v1/match/demands/{demand_id}"): Row(other={"partner_app": 404, "bank": 404}),
    ("POST", "/v1/match/demands/{demand_id}/responses"): Row(other=N404),  # not routed to it
    ("GET", "/v1/match/stats"): Row(),
    # §6 subsidy programmes (loan_match) and §5 calendar
    ("POST", "/v1/match/programmes"): p("§6: fund_manager writes its own", "fund_manager"),
    ("GET", "/v1/match/programmes"): p("§6: any role reads", *ROLES),
    ("GET", "/v1/match/programmes/{programme_id}"): p("§6: any role reads", *ROLES),
    ("POST", "/v1/match/programmes/{programme_id}/claims"): p(
        "§6: bank or authorised partner_app", "bank", "partner_app"
    ),
    ("GET", "/v1/match/programmes/{programme_id}/claims"): p(
        "§6: its fund_manager; the bank or app for its own; admin and regulator read every programme",
        *("fund_manager", "bank", "partner_app", "admin", "regulator"),
        other=FM404,
        hides={"bank": "claim_id"},
    ),
    ("GET", "/v1/match/stats/programmes"): p(
        "§1 statistics, §6: a fund manager its own programmes; admin and the regulator every one",
        *("admin", "regulator", "fund_manager"),
        hides={"fund_manager": "programme_id"},
    ),
    ("POST", "/v1/match/claims/{claim_id}/decision"): p(
        "§6: the programme's fund_manager", "fund_manager", other=FM404
    ),
    ("PUT", "/v1/match/calendar/{year}"): p("§5 calendar: PUT (admin)", "admin"),
    ("GET", "/v1/match/calendar/{year}"): p("§5 calendar: GET (any role)", *ROLES),
}
UNAUTHENTICATED = {("GET", "/healthz"), ("GET", "/readyz")}


def allowed(op: tuple[str, str], contract: dict[tuple[str, str], str] | None = None) -> frozenset[str]:
    """Who may call ``op``: the contract table's "who" cell, else the row's prose."""
    contract = who_column() if contract is None else contract
    cell = contract.get((op[0], template(op[1])))
    if cell is not None:
        return roles_named(cell, op[0])
    prose = TABLE[op].prose
    assert prose is not None, f"{op}: neither a contract table row nor a prose row"
    return frozenset(prose)
