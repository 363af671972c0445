"""The README's guarantee journey: the chain, its worked example, recoveries, who sees what."""

from __future__ import annotations

import uuid
from typing import Any

from tests.journeys.credit import USCC
from tests.support.sync_api import Client, Orgs, ok

PARTIES = ("bank", "guarantor", "provincial", "national")


def by_party(*figures: int) -> dict[str, int]:
    """One figure per party of a risk share, in the agreement's order."""
    return dict(zip(PARTIES, figures, strict=True))


SHARES = by_party(2000, 4000, 2000, 2000)
ZERO = by_party(0, 0, 0, 0)
LOSSES = by_party(15000000, 30000000, 15000000, 15000000)


def journey(admin: Client, orgs: Orgs) -> None:
    institutions, agreement = register_the_chain(admin, orgs)
    local = orgs["local"][1]
    exposure = guarantee_a_loan(local, agreement, institutions["local"])
    url = f"/v1/guarantee/exposures/{exposure['id']}"
    repay(local, url)
    default(local, url)
    recover(local, url)
    compare_positions(admin, orgs, institutions)
    # What each party sees: the lending bank and the provincial see the loan; the bank no position.
    bank = orgs["bank"][1]
    assert ok(bank.call("GET", url))["id"] == exposure["id"]
    assert ok(orgs["prov"][1].call("GET", url))["id"] == exposure["id"]
    assert bank.call("GET", f"/v1/guarantee/institutions/{institutions['local']}/position").status_code == 403
    assert local.call("GET", "/v1/guarantee/reports/summary").status_code == 403


def register_the_chain(admin: Client, orgs: Orgs) -> tuple[dict[str, str], dict[str, Any]]:
    """National fund -> provincial -> local, and a 2:4:2:2 agreement with the bank."""

    def institution(label: str, name: str, tier: str, parent: str | None, net_assets_fen: int) -> str:
        body: dict[str, Any] = {
            "org_id": orgs[label][0],
            "name": name,
            "tier": tier,
            "net_assets_fen": net_assets_fen,
        }
        if parent:
            body["parent_id"] = parent
        return str(ok(admin.call("POST", "/v1/guarantee/institutions", body), 201)["id"])

    fund_id = institution("fund", "国家融资担保基金", "national_fund", None, 6610000000000)
    prov_id = institution("prov", "甘肃金控融资担保集团", "provincial", fund_id, 1500000000000)
    local_id = institution("local", "兰州市融资担保", "local", prov_id, 1000000000)
    agreement = ok(
        admin.call(
            "POST",
            "/v1/guarantee/agreements",
            {"bank_org_id": orgs["bank"][0], "guarantor_id": local_id, "shares_bp": SHARES},
        ),
        201,
    )
    return {"fund": fund_id, "prov": prov_id, "local": local_id}, agreement


def guarantee_a_loan(local: Client, agreement: dict[str, Any], local_id: str) -> dict[str, Any]:
    """The worked example: a 1,000,000-yuan small-micro loan."""
    exposure: dict[str, Any] = ok(
        local.call(
            "POST",
            "/v1/guarantee/exposures",
            {
                "agreement_id": agreement["id"],
                "loan_ref": "LZB-2026-0001",
                "uscc": USCC,
                "principal_fen": 100000000,
                "small_micro": True,
                "fee_rate_bp": 80,
                "start_date": "2026-03-01",
                "maturity_date": "2027-03-01",
            },
            headers={"Idempotency-Key": str(uuid.uuid4())},
        ),
        201,
    )
    assert exposure["shares_fen"] == by_party(20000000, 40000000, 20000000, 20000000)
    assert (exposure["guaranteed_fen"], exposure["weighted_liability_fen"]) == (80000000, 60000000)
    position = ok(local.call("GET", f"/v1/guarantee/institutions/{local_id}/position"))
    assert (position["capacity_fen"], position["single_client_cap_fen"]) == (10000000000, 100000000)
    return exposure


def repay(local: Client, url: str) -> None:
    repaid = ok(local.call("POST", f"{url}/repayments", {"amount_fen": 25000000, "paid_on": "2026-06-01"}))
    assert repaid["outstanding_fen"] == 75000000
    assert repaid["shares_fen"] == by_party(15000000, 30000000, 15000000, 15000000)
    assert (repaid["guaranteed_fen"], repaid["weighted_liability_fen"]) == (60000000, 45000000)


def default(local: Client, url: str) -> None:
    defaulted = ok(local.call("POST", f"{url}/default", {"defaulted_on": "2026-09-01"}))
    assert defaulted["compensation_fen"] == 60000000
    assert defaulted["losses_fen"] == LOSSES
    shown = ok(local.call("GET", url))
    assert {k: shown[k] for k in ("status", "principal_fen", "outstanding_fen", "shares_fen")} == {
        "status": "compensated",
        "principal_fen": 100000000,
        "outstanding_fen": 0,
        "shares_fen": ZERO,
    }
    assert {
        k: shown[k] for k in ("guaranteed_fen", "weighted_liability_fen", "ended_on", "defaulted_fen")
    } == {
        "guaranteed_fen": 0,
        "weighted_liability_fen": 0,
        "ended_on": "2026-09-01",
        "defaulted_fen": 75000000,
    }
    assert (shown["compensation_fen"], shown["losses_fen"]) == (60000000, LOSSES)
    assert (shown["recovered_fen"], shown["total_recovered_fen"]) == (ZERO, 0)


def recover(local: Client, url: str) -> None:
    for amount, allocation, total in (
        (30000000, (6000000, 12000000, 6000000, 6000000), 30000000),
        (10000001, (2000000, 4000001, 2000000, 2000000), 40000001),
        (34999999, (7000000, 13999999, 7000000, 7000000), 75000000),
    ):
        recovery = ok(
            local.call("POST", f"{url}/recoveries", {"amount_fen": amount, "recovered_on": "2026-10-01"})
        )
        assert recovery["allocation_fen"] == by_party(*allocation)
        assert recovery["total_recovered_fen"] == total
    extra = local.call("POST", f"{url}/recoveries", {"amount_fen": 1, "recovered_on": "2026-10-02"})
    assert extra.status_code == 422 and extra.json()["type"].endswith("/recovery-exceeds-default")
    assert extra.json()["remaining_fen"] == 0
    assert ok(local.call("GET", url))["recovered_fen"] == LOSSES


def compare_positions(admin: Client, orgs: Orgs, institutions: dict[str, str]) -> None:
    """The local guarantor paid 600,000 and got the guaranteed part back; each re-guarantor bore and
    recovered its own 150,000. The regulator's summary adds them up by tier."""
    tiers = ok(admin.call("GET", "/v1/guarantee/reports/summary"))["tiers"]
    for label, tier, figure in (
        ("local", "local", 60000000),
        ("prov", "provincial", 15000000),
        ("fund", "national_fund", 15000000),
    ):
        position = ok(
            orgs[label][1].call("GET", f"/v1/guarantee/institutions/{institutions[label]}/position")
        )
        assert (position["compensated_fen"], position["recovered_fen"]) == (figure, figure)
        assert (tiers[tier]["compensated_fen"], tiers[tier]["recovered_fen"]) == (figure, figure)
