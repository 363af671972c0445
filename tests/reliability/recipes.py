"""How to call each public operation for real: a valid request on tenant ``a``'s objects.

``recipe(op)(t, fresh)`` returns the call. With ``fresh`` the recipe first makes a new object
for operations that use one up (a DELETE, a default, a decision), so every allowed role's call
can succeed; without it the call aims at the tenants' standing objects (refused calls, which
must change nothing, and the other tenant's probes).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from tests.reliability.tenants import Tenants, ok
from tests.support.api import make_uscc


@dataclass
class Call:
    path: str
    json: Any = None
    params: dict[str, Any] = field(default_factory=dict)


Recipe = Callable[[Tenants, bool], Awaitable[Call]]
RECIPES: dict[tuple[str, str], Recipe] = {}


def recipe(method: str, path: str) -> Callable[[Recipe], Recipe]:
    def register(fn: Recipe) -> Recipe:
        RECIPES[(method, path)] = fn
        return fn

    return register


def fixed(method: str, path: str, make: Callable[[Tenants], Call]) -> None:
    async def fn(t: Tenants, fresh: bool) -> Call:
        return make(t)

    RECIPES[(method, path)] = fn


def _loan_ref() -> str:
    return f"L-{uuid.uuid4().hex[:12]}"


# §2 identity ------------------------------------------------------------------------------------
fixed("POST", "/v1/orgs", lambda t: Call("/v1/orgs", {"name": f"org-{uuid.uuid4().hex[:6]}", "role": "bank"}))
fixed("GET", "/v1/orgs", lambda t: Call("/v1/orgs"))
fixed("POST", "/v1/orgs/{org_id}/keys", lambda t: Call(f"/v1/orgs/{t.a.id('org_id')}/keys"))
fixed("GET", "/v1/orgs/{org_id}/keys", lambda t: Call(f"/v1/orgs/{t.a.id('org_id')}/keys"))
fixed("GET", "/v1/me", lambda t: Call("/v1/me"))


@recipe("DELETE", "/v1/orgs/{org_id}/keys/{key_id}")
async def _revoke_key(t: Tenants, fresh: bool) -> Call:
    org = t.a.id("org_id")
    key = t.a.id("key_id")
    if fresh:
        made = await t.api.client.post(f"/v1/orgs/{org}/keys", headers=t.api.admin_headers)
        key = (await ok(made))["id"]
    return Call(f"/v1/orgs/{org}/keys/{key}")


# §3 credit_push ---------------------------------------------------------------------------------
def _rating_items(t: Tenants) -> Call:
    return Call(
        "/v1/credit/ratings", {"items": [{"uscc": make_uscc(), "name": "样例", "rating": "M", "year": 2024}]}
    )


fixed("POST", "/v1/credit/ratings", _rating_items)
fixed("GET", "/v1/credit/ratings/{uscc}", lambda t: Call(f"/v1/credit/ratings/{t.a.id('b_uscc')}"))
fixed("GET", "/v1/credit/consents", lambda t: Call("/v1/credit/consents"))
fixed("GET", "/v1/credit/subscriptions", lambda t: Call("/v1/credit/subscriptions", params={"limit": 1000}))
fixed(
    "GET", "/v1/credit/subscriptions/{sub_id}", lambda t: Call(f"/v1/credit/subscriptions/{t.a.id('sub_id')}")
)
fixed(
    "PATCH",
    "/v1/credit/subscriptions/{sub_id}",
    lambda t: Call(f"/v1/credit/subscriptions/{t.a.id('sub_id')}", {"status": "active"}),
)
fixed(
    "POST",
    "/v1/credit/subscriptions/{sub_id}/rotate-secret",
    lambda t: Call(f"/v1/credit/subscriptions/{t.a.id('sub_id')}/rotate-secret"),
)
fixed(
    "POST",
    "/v1/credit/subscriptions/{sub_id}/recover",
    lambda t: Call(f"/v1/credit/subscriptions/{t.a.id('sub_id')}/recover", {"since": "2026-01-01T00:00:00Z"}),
)
fixed("GET", "/v1/credit/deliveries", lambda t: Call("/v1/credit/deliveries", params={"limit": 1000}))
fixed(
    "POST",
    "/v1/credit/deliveries/{delivery_id}/retry",
    lambda t: Call(f"/v1/credit/deliveries/{t.a.id('delivery_id')}/retry"),
)
fixed("GET", "/v1/credit/feed", lambda t: Call("/v1/credit/feed"))
fixed(
    "POST",
    "/v1/credit/outcomes",
    lambda t: Call(
        "/v1/credit/outcomes",
        {
            "uscc": t.a.id("b_uscc"),
            "loan_ref": _loan_ref(),
            "amount_fen": 100_000,
            "credit_type": "pure_credit",
            "granted_on": "2026-02-01",
        },
    ),
)
fixed("GET", "/v1/credit/outcomes", lambda t: Call("/v1/credit/outcomes"))
fixed(
    "POST",
    "/v1/credit/authorisations",
    lambda t: Call("/v1/credit/authorisations", {"uscc": make_uscc(), "evidence_ref": "AUTH-M"}),
)
fixed("GET", "/v1/credit/authorisations", lambda t: Call("/v1/credit/authorisations", params={"limit": 1000}))
fixed(
    "GET",
    "/v1/credit/authorisations/{auth_id}",
    lambda t: Call(f"/v1/credit/authorisations/{t.a.id('auth_id')}"),
)
fixed("GET", "/v1/credit/access-log", lambda t: Call("/v1/credit/access-log", params={"uscc": t.a.uscc}))
fixed("GET", "/v1/credit/stats", lambda t: Call("/v1/credit/stats"))
fixed("GET", "/v1/credit/blacklist", lambda t: Call("/v1/credit/blacklist"))
fixed("GET", "/v1/credit/a-list", lambda t: Call("/v1/credit/a-list", params={"year": 2024}))


def _blacklist_body() -> dict[str, Any]:
    return {
        "uscc": make_uscc(),
        "name": "失信样例",
        "decision_served_on": "2026-01-05",
        "published_on": "2026-01-10",
        "reason": "CASE-1",
    }


fixed("POST", "/v1/credit/blacklist", lambda t: Call("/v1/credit/blacklist", _blacklist_body()))


@recipe("DELETE", "/v1/credit/blacklist/{entry_id}")
async def _end_entry(t: Tenants, fresh: bool) -> Call:
    entry = str(uuid.uuid4())
    if fresh:
        made = await t.api.call(
            t.a.actor("tax_authority"), "POST", "/v1/credit/blacklist", json=_blacklist_body()
        )
        entry = (await ok(made))["id"]
    return Call(f"/v1/credit/blacklist/{entry}")


async def _authorised_uscc(t: Tenants) -> str:
    uscc = make_uscc()
    body = {"uscc": uscc, "evidence_ref": "AUTH-F"}
    await ok(await t.api.call(t.a.actor("partner_app"), "POST", "/v1/credit/authorisations", json=body))
    return uscc


@recipe("POST", "/v1/credit/consents")
async def _consent(t: Tenants, fresh: bool) -> Call:
    # The standing world's USCC is authorised by app a; a fresh consent for it is a new one.
    body = {"uscc": t.a.uscc, "bank_org_id": t.a.actor("bank").org_id, "evidence_ref": "EV-M"}
    return Call("/v1/credit/consents", body)


@recipe("DELETE", "/v1/credit/consents/{consent_id}")
async def _revoke_consent(t: Tenants, fresh: bool) -> Call:
    consent = t.a.id("consent_id")
    if fresh:
        body = {
            "uscc": await _authorised_uscc(t),
            "bank_org_id": t.a.actor("bank").org_id,
            "evidence_ref": "E",
        }
        consent = (
            await ok(await t.api.call(t.a.actor("partner_app"), "POST", "/v1/credit/consents", json=body))
        )["id"]
    return Call(f"/v1/credit/consents/{consent}")


@recipe("DELETE", "/v1/credit/authorisations/{auth_id}")
async def _revoke_auth(t: Tenants, fresh: bool) -> Call:
    auth = t.a.id("auth_id")
    if fresh:
        body = {"uscc": make_uscc(), "evidence_ref": "AUTH-D"}
        auth = (
            await ok(
                await t.api.call(t.a.actor("partner_app"), "POST", "/v1/credit/authorisations", json=body)
            )
        )["id"]
    return Call(f"/v1/credit/authorisations/{auth}")


fixed(
    "POST",
    "/v1/credit/subscriptions",
    lambda t: Call("/v1/credit/subscriptions", {"url": "http://127.0.0.1:9/m"}),
)


@recipe("DELETE", "/v1/credit/subscriptions/{sub_id}")
async def _delete_sub(t: Tenants, fresh: bool) -> Call:
    sub = t.a.id("sub_id")
    if fresh:
        body = {"url": "http://127.0.0.1:9/gone"}
        sub = (await ok(await t.api.call(t.a.actor("bank"), "POST", "/v1/credit/subscriptions", json=body)))[
            "id"
        ]
    return Call(f"/v1/credit/subscriptions/{sub}")


fixed("GET", "/v1/credit/uploads", lambda t: Call("/v1/credit/uploads"))


@recipe("GET", "/v1/credit/uploads/{upload_id}")
async def _upload(t: Tenants, fresh: bool) -> Call:
    """The tenant's tax authority's last upload (every upload is kept in the history)."""
    listed = await t.api.call(t.a.actor("tax_authority"), "GET", "/v1/credit/uploads", params={"limit": 1000})
    items = (await ok(listed, 200))["items"]
    assert items, listed.text
    return Call(f"/v1/credit/uploads/{items[-1]['id']}")
