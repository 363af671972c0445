"""Principal tokens, cursors, API keys, the rate limiter and the contract merge."""

import pytest

from gateway.keys import new_key, parse_key, secret_matches
from gateway.openapi_merge import merge
from gateway.ratelimit import TokenBuckets
from gateway.settings import GatewaySettings
from kit.errors import RuleViolation
from kit.pagination import decode_cursor, encode_cursor, page_of
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


def test_cursor_round_trip_and_garbage() -> None:
    assert decode_cursor(encode_cursor({"seq": 41})) == {"seq": 41}
    assert decode_cursor(None) is None
    for bad in ("%%%", "bm90IGpzb24", encode_cursor({"a": 1})[:-3] + "!!"):
        with pytest.raises(RuleViolation) as raised:
            decode_cursor(bad)
        assert raised.value.slug == "invalid-cursor"


def test_page_of_gives_a_cursor_only_when_more_rows_exist() -> None:
    rows = [1, 2, 3]
    assert page_of(rows, 3, lambda r: {"n": r}) == ([1, 2, 3], None)
    page, cursor = page_of(rows, 2, lambda r: {"n": r})
    assert page == [1, 2]
    assert decode_cursor(cursor) == {"n": 2}


def test_api_keys_are_parsed_and_checked_by_hash() -> None:
    key = new_key()
    parsed = parse_key(key.key)
    assert parsed is not None and parsed[0] == key.id
    assert secret_matches(parsed[1], key.secret_hash)
    assert not secret_matches(parsed[1] + "x", key.secret_hash)
    assert key.key not in key.secret_hash
    for bad in ("", "fmk_", "fmk_nothex_secret", "sk_live_123", f"fmk_{key.id.hex}"):
        assert parse_key(bad) is None


def test_token_bucket_allows_a_burst_then_asks_to_wait() -> None:
    buckets = TokenBuckets(rate=2.0)
    assert buckets.take("k", now=0.0) == 0
    assert buckets.take("k", now=0.0) == 0
    wait = buckets.take("k", now=0.0)
    assert wait == pytest.approx(0.5)
    assert TokenBuckets.retry_after_header(wait) == "1"
    assert buckets.take("k", now=0.5) == 0
    assert buckets.take("other", now=0.0) == 0


def test_merge_keeps_public_operations_and_renames_clashing_schemas() -> None:
    gateway = {
        "openapi": "3.1.0",
        "paths": {"/v1/me": {}},
        "components": {"schemas": {"Page": {"type": "object"}}},
    }
    service = {
        "paths": {
            "/v1/credit/feed": {"get": {"$ref": "#/components/schemas/Page"}},
            "/internal/credit/ratings/{uscc}": {},
            "/healthz": {},
        },
        "components": {"schemas": {"Page": {"type": "array"}}},
    }
    merged = merge(gateway, {"credit_push": service})
    assert set(merged["paths"]) == {"/v1/me", "/v1/credit/feed"}
    assert merged["paths"]["/v1/credit/feed"]["get"]["$ref"] == "#/components/schemas/CreditPushPage"
    assert merged["components"]["schemas"]["Page"] == {"type": "object"}
    assert merged["security"] == [{"apiKey": []}]


def test_retry_schedule_follows_a_copied_setting() -> None:
    from kit.settings import Settings

    base = Settings(webhook_retry_schedule="5,300")
    assert base.retry_schedule_s == (5, 300)
    assert base.model_copy(update={"webhook_retry_schedule": "1,1"}).retry_schedule_s == (1, 1)


def test_a_rate_limit_or_body_limit_of_zero_is_refused_at_start(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from deploy.cli import main

    monkeypatch.setenv("FINMATCH_RATE_LIMIT_PER_S", "0")
    assert main(["serve", "gateway"]) == 2
    assert "FINMATCH_RATE_LIMIT_PER_S" in capsys.readouterr().err
    monkeypatch.delenv("FINMATCH_RATE_LIMIT_PER_S")
    with pytest.raises(ValueError):
        GatewaySettings(max_body_bytes=0)
