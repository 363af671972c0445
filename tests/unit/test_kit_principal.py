"""kit.principal: signed principal tokens round-trip, expire, and refuse forgeries."""

from kit.principal import Principal, sign, verify

SECRET = "unit-test-secret-0123456789"


def test_principal_round_trip_and_expiry() -> None:
    bank = Principal(role="bank", name="兰州银行", org_id="5f0c...")
    token = sign(bank, SECRET, now=1000)
    assert verify(token, SECRET, now=1000) == bank
    assert verify(token, SECRET, now=1000 + 61) is None
    assert verify(token, "another-secret-0123456789", now=1000) is None


def test_forged_principal_is_refused() -> None:
    token = sign(Principal(role="partner_app", name="app", org_id="x"), SECRET, now=1000)
    payload, mac = token.split(".")
    admin = sign(Principal(role="admin", name="me", org_id="x"), SECRET, now=1000).split(".")[0]
    assert verify(f"{admin}.{mac}", SECRET, now=1000) is None
    assert verify(payload, SECRET, now=1000) is None
    assert verify("garbage", SECRET, now=1000) is None
