from tests.support.api import Api


async def test_me(api: Api) -> None:
    bank = await api.org("bank")
    me = await api.call(bank, "GET", "/v1/me")
    assert me.status_code == 200
    assert me.json() == {"org_id": bank.org_id, "name": bank.name, "role": "bank"}
