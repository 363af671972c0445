"""Every GET of a single object sends an ETag (CONTRACT §1 "Concurrency"), the same one while the
object does not change."""

from __future__ import annotations

from tests.support.api import Actor, Api
from tests.support.credit_push import item, upload
from tests.support.guarantee import G, chain, registered
from tests.support.loan_match import WAN, publish, put_profile
from tests.support.programmes import create_programme, ip_interest_body


async def _tagged(api: Api, actor: Actor | None, path: str) -> None:
    headers = api.admin_headers if actor is None else actor.headers
    first = await api.client.get(path, headers=headers)
    assert first.status_code == 200, (path, first.text)
    etag = first.headers.get("etag", "")
    assert etag.startswith('"') and etag.endswith('"'), (path, etag)
    assert (await api.client.get(path, headers=headers)).headers["etag"] == etag, path


async def test_single_object_gets_send_an_etag(api: Api) -> None:
    tax, bank, app = await api.org("tax_authority"), await api.org("bank"), await api.org("partner_app")
    rated = item(rating="A")
    await upload(api, tax, [rated])
    await _tagged(api, tax, f"/v1/credit/ratings/{rated['uscc']}")
    sub = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": "http://127.0.0.1:9/h"})
    await _tagged(api, bank, f"/v1/credit/subscriptions/{sub.json()['id']}")

    c = await chain(api)
    exposure = await registered(api, c)
    await _tagged(api, None, f"{G}/institutions/{c.local.id}")
    await _tagged(api, c.bank, f"{G}/agreements/{c.agreement_id}")
    await _tagged(api, c.local.actor, f"{G}/exposures/{exposure['id']}")

    product = await publish(api, bank)
    profile = await put_profile(api, app)
    await _tagged(api, app, f"/v1/match/products/{product['id']}")
    await _tagged(api, app, f"/v1/match/enterprises/{profile['uscc']}")
    demand = await api.call(
        app,
        "POST",
        "/v1/match/demands",
        json={"uscc": profile["uscc"], "amount_fen": 100 * WAN, "term_months": 12, "purpose": "购买原材料"},
    )
    assert demand.status_code == 201, demand.text
    await _tagged(api, app, f"/v1/match/demands/{demand.json()['id']}")
    await _tagged(api, app, "/v1/match/calendar/2026")
    manager = await api.org("fund_manager")
    programme = await create_programme(api, manager, ip_interest_body())
    await _tagged(api, manager, f"/v1/match/programmes/{programme['id']}")
