"""The demo's policy money (CONTRACT §6), through the public API and safe to run again.

The seed's two IP-pledge programmes (甘工信发〔2019〕114号: "按贷款年利息的50%给予贴息补助，一个企业年度内
贴息额度最高不超过20万元" and the patent valuation fee "按确认发生额的50%给予补助，单项评估费用补助最高不超过
3万元"), run by the 知识产权 office with a few claims of 兰州银行's IP-pledge loans; the
小微外贸企业互助贷款风险补偿担保基金 of the 商务厅 with a default and a recovery; and the 续贷转贷基金 of
the 工信厅 with bridge loans repaid, out and overdue.

Programmes are looked up by name and year, claims by loan reference, a decision is made only on a
claim still filed; a pool or bridge fund found by name already has its story, so it is left alone
(every create also carries an Idempotency-Key derived from the item).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from deploy import demo_data as data
from deploy.demo_steps import CONSENTED, Api, DemoError, Keys, Orgs, key_of, pushed

WAN_FEN = 1_000_000  # 1 万元 in fen
REFUSAL = "贷款未办理专利权质押登记"


def ip_holders(people: list[data.Enterprise]) -> list[data.Enterprise]:
    """Profiled enterprises holding IP (demo_steps.profile gives ``ip`` to C39, I and M firms)."""
    return [e for e in pushed(people)[:CONSENTED] if e.industry_code.startswith(("C39", "I", "M"))]


def programmes(year: int) -> list[dict[str, Any]]:
    eligible = {"product_types": ["collateral"], "collateral": ["ip"], "sizes": ["micro", "small", "medium"]}
    return [
        {"name": "知识产权质押融资贴息", "kind": "interest", "share_bp": 5000,
         "cap_per_enterprise_year_fen": 20 * WAN_FEN, "budget_fen": 2000 * WAN_FEN, "year": year,
         "eligible": eligible},
        {"name": "专利权评估费补助", "kind": "fee", "share_bp": 5000, "cap_per_item_fen": 3 * WAN_FEN,
         "budget_fen": 300 * WAN_FEN, "year": year, "eligible": eligible},
    ]  # fmt: skip


async def load_funds(api: Api, orgs: Orgs, keys: Keys, people: list[data.Enterprise], today: dt.date) -> None:
    await load_programmes(api, orgs, keys, people, today)
    await load_pool(api, orgs, keys, people, today)
    await load_bridge(api, orgs, keys, people, today)


# ---- subsidy programmes (loan_match) -------------------------------------------------


async def load_programmes(
    api: Api, orgs: Orgs, keys: Keys, people: list[data.Enterprise], today: dt.date
) -> None:
    office = orgs[data.IP_OFFICE]
    manager = key_of(orgs, keys, data.IP_OFFICE)
    have = {
        (p["name"], p["year"]): p
        for p in await api.send("GET", "/v1/match/programmes", manager, None, expect=200)
        if p["fund_manager_org_id"] == office["id"]
    }
    made = []
    for body in programmes(today.year):
        found = have.get((body["name"], body["year"]))
        if found is None:
            found = await api.create(
                "/v1/match/programmes", manager, body, f"demo-prog-{body['name']}-{today.year}"
            )
        made.append(found)
    interest, fee = made
    holders = ip_holders(people)
    await claims(api, orgs, keys, interest, holders[:6], today, lambda n: (6 + 9 * n) * WAN_FEN)
    await claims(api, orgs, keys, fee, holders[:3], today, lambda n: (4 + 3 * n) * WAN_FEN)


async def claims(
    api: Api,
    orgs: Orgs,
    keys: Keys,
    programme: dict[str, Any],
    chosen: list[data.Enterprise],
    today: dt.date,
    paid: Any,
) -> None:
    """兰州银行 claims for each enterprise's IP-pledge loan; the office approves most, refuses one,
    and leaves the last one to decide."""
    bank_name = data.BANKS[1]  # 兰州银行 offers the 知识产权质押贷 (demo_data.products)
    bank, bank_org = key_of(orgs, keys, bank_name), orgs[bank_name]["id"]
    manager = key_of(orgs, keys, data.IP_OFFICE)
    path = f"/v1/match/programmes/{programme['id']}/claims"
    filed = {c["loan_ref"]: c for c in await api.send("GET", path, bank, None, expect=200)}
    kind = "IPL" if programme["kind"] == "interest" else "IPV"
    for n, e in enumerate(chosen):
        loan_ref = f"{kind}-{today.year}-{n + 1:03d}"
        claim = filed.get(loan_ref)
        if claim is None:
            body = {"uscc": e.uscc, "loan_ref": loan_ref, "bank_org_id": bank_org,
                    "period_from": dt.date(today.year, 1, 1).isoformat(), "period_to": today.isoformat(),
                    "paid_fen": paid(n)}  # fmt: skip
            claim = await api.create(path, bank, body, f"demo-claim-{programme['id']}-{loan_ref}")
        if claim["status"] != "filed" or n == len(chosen) - 1:
            continue
        decision = {"decision": "refused", "reason": REFUSAL} if n == 2 else {"decision": "approved"}
        decided = await api.call("POST", f"/v1/match/claims/{claim['id']}/decision", manager, decision)
        if decided.status_code not in (200, 409):
            raise DemoError(f"decision: {decided.status_code} {decided.text[:300]}")


# ---- the risk-compensation pool and the bridge fund (guarantee) ------------------------


async def _found(api: Api, path: str, key: str, name: str) -> bool:
    return any(item["name"] == name for item in await api.all_pages(path, key))


async def load_pool(api: Api, orgs: Orgs, keys: Keys, people: list[data.Enterprise], today: dt.date) -> None:
    """Five loans of 甘肃银行 and 兰州银行; one defaults (the pool pays half) and a third of it is
    recovered; one is reported overdue."""
    manager = key_of(orgs, keys, data.COMMERCE)
    if await _found(api, "/v1/guarantee/pools", manager, data.POOL):
        return
    banks = [data.BANKS[0], data.BANKS[1]]
    body = {"name": data.POOL, "region_code": "620000", "balance_fen": 5000 * WAN_FEN,
            "bank_org_ids": [orgs[b]["id"] for b in banks],
            "compensation_bp": 5000, "stop_overdue_bp": 300}  # fmt: skip
    pool = await api.create("/v1/guarantee/pools", manager, body, f"demo-pool-{today.year}")
    loans = f"/v1/guarantee/pools/{pool['id']}/loans"
    small = [e for e in pushed(people) if e.small_micro][40:45]
    made: list[tuple[str, dict[str, Any]]] = []
    for n, e in enumerate(small):
        bank = key_of(orgs, keys, banks[n % 2])
        start = today - dt.timedelta(days=240 - 30 * n)
        loan = {"loan_ref": f"WM-{today.year}-{n + 1:03d}", "uscc": e.uscc,
                "principal_fen": (100 + 50 * n) * WAN_FEN, "start_date": start.isoformat(),
                "maturity_date": (start + dt.timedelta(days=365)).isoformat()}  # fmt: skip
        made.append((bank, await api.create(loans, bank, loan, f"demo-pool-loan-{pool['id']}-{n}")))
    # Then the story: a bad loan stops its bank from adding more (the stop line), so it comes last.
    for n, (bank, registered) in enumerate(made):
        at = f"{loans}/{registered['id']}"
        if n == 0:
            defaulted = {"defaulted_on": (today - dt.timedelta(days=45)).isoformat()}
            await api.send(
                "POST", f"{at}/default", bank, defaulted, expect=200, idem=f"demo-pool-default-{at}"
            )
            back = {"amount_fen": 30 * WAN_FEN, "recovered_on": (today - dt.timedelta(days=10)).isoformat()}
            await api.send("POST", f"{at}/recoveries", bank, back, expect=200, idem=f"demo-pool-rec-{at}")
        if n == 3:
            late = {
                "overdue_on": (today - dt.timedelta(days=20)).isoformat(),
                "outstanding_fen": 200 * WAN_FEN,
            }
            await api.send("POST", f"{at}/overdue", bank, late, expect=200, idem=f"demo-pool-late-{at}")


async def load_bridge(
    api: Api, orgs: Orgs, keys: Keys, people: list[data.Enterprise], today: dt.date
) -> None:
    """Three bridge loans for renewals at 甘肃省农村信用社联合社: one repaid when the renewal came, one
    out, one unpaid past due_on (overdue, flagged to the manager)."""
    manager = key_of(orgs, keys, data.INDUSTRY_OFFICE)
    if await _found(api, "/v1/guarantee/bridge-funds", manager, data.BRIDGE_FUND):
        return
    body = {"name": data.BRIDGE_FUND, "size_fen": 10_000 * WAN_FEN, "max_days": 30, "daily_fee_bp": 2}
    fund = await api.create("/v1/guarantee/bridge-funds", manager, body, f"demo-bridge-{today.year}")
    loans = f"/v1/guarantee/bridge-funds/{fund['id']}/loans"
    chosen = [e for e in pushed(people) if e.small_micro][50:53]
    for n, (e, ago, days) in enumerate(zip(chosen, (50, 5, 40), (15, 20, 20), strict=True)):
        loan = {"uscc": e.uscc, "size": "small", "bank_org_id": orgs[data.BANKS[2]]["id"],
                "maturing_loan_ref": f"XD-{today.year}-{n + 1:03d}", "amount_fen": (300 + 100 * n) * WAN_FEN,
                "renewal_commitment_ref": f"续贷承诺-{today.year}-{n + 1:03d}",
                "start_date": (today - dt.timedelta(days=ago)).isoformat(), "days": days}  # fmt: skip
        made = await api.create(loans, manager, loan, f"demo-bridge-loan-{fund['id']}-{n}")
        if n == 0:
            repaid = {"repaid_on": (today - dt.timedelta(days=ago - 12)).isoformat()}
            path = f"{loans}/{made['id']}/repaid"
            await api.send("POST", path, manager, repaid, expect=200, idem=f"demo-bridge-repaid-{path}")
