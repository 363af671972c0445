"""A regulator (CONTRACT §2): every GET admin may call, at every process, and no write anywhere."""

from __future__ import annotations

from tests.support.api import Api, make_uscc


async def test_a_regulator_reads_what_admin_reads(api: Api) -> None:
    regulator = await api.org("regulator")
    bank = await api.org("bank")
    for path in (
        "/v1/orgs",
        f"/v1/orgs/{bank.org_id}/keys",
        "/v1/credit/stats",
        "/v1/guarantee/reports/summary",
        "/v1/match/stats",
    ):
        response = await api.call(regulator, "GET", path)
        assert response.status_code == 200, (path, response.text)
    assert (await api.call(regulator, "HEAD", "/v1/match/stats")).status_code == 200


async def test_a_regulator_writes_nothing(api: Api) -> None:
    regulator = await api.org("regulator")
    bank = await api.org("bank")
    keys = (await api.call(None, "GET", f"/v1/orgs/{bank.org_id}/keys", headers=api.admin_headers)).json()
    rating = {"uscc": make_uscc(), "name": "x", "rating": "A", "year": 2024}
    institution = {"org_id": bank.org_id, "tier": "national_fund", "name": "x", "net_assets_fen": 1}
    for method, path, body in (
        ("POST", "/v1/orgs", {"name": "x", "role": "bank"}),
        ("POST", f"/v1/orgs/{bank.org_id}/keys", None),
        ("DELETE", f"/v1/orgs/{bank.org_id}/keys/{keys['items'][0]['id']}", None),
        ("POST", "/v1/credit/ratings", {"items": [rating]}),
        ("POST", "/v1/guarantee/institutions", institution),
        ("POST", "/v1/match/products", {"name": "x"}),
    ):
        response = await api.call(regulator, method, path, json=body)
        assert response.status_code == 403, (method, path, response.text)
        assert response.json()["type"].endswith("/forbidden")
    # Nothing was revoked: the bank's key still works.
    assert (await api.call(bank, "GET", "/v1/me")).status_code == 200


async def test_keys_are_listed_without_their_secret_and_show_use(api: Api) -> None:
    bank = await api.org("bank")
    listed = await api.call(None, "GET", f"/v1/orgs/{bank.org_id}/keys", headers=api.admin_headers)
    assert listed.status_code == 200
    (item,) = listed.json()["items"]
    assert set(item) == {"id", "created_at", "last_used_at"}
    assert bank.key not in listed.text
    missing = await api.call(
        None, "GET", "/v1/orgs/00000000-0000-4000-8000-0000000fffff/keys", headers=api.admin_headers
    )
    assert missing.status_code == 404
    assert (await api.call(bank, "GET", f"/v1/orgs/{bank.org_id}/keys")).status_code == 403
