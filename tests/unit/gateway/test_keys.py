"""gateway.keys: API keys are parsed and checked by their hash only."""

from gateway.keys import new_key, parse_key, secret_matches


def test_api_keys_are_parsed_and_checked_by_hash() -> None:
    key = new_key()
    parsed = parse_key(key.key)
    assert parsed is not None and parsed[0] == key.id
    assert secret_matches(parsed[1], key.secret_hash)
    assert not secret_matches(parsed[1] + "x", key.secret_hash)
    assert key.key not in key.secret_hash
    for bad in ("", "fmk_", "fmk_nothex_secret", "sk_live_123", f"fmk_{key.id.hex}"):
        assert parse_key(bad) is None
