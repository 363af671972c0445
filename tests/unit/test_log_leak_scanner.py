"""The log scan (tests/support/logleaks.py) finds a planted secret, so it cannot pass silently."""

import logging

from tests.support.logleaks import CollectingHandler, SecretRegistry, find_leaks

KEY = "fmk_0123456789abcdef0123456789abcdef_s3cr3tPartOfTheKeyAAAAAAAAAAAAAAA"
WHSEC = "whsec_c2VjcmV0LXdlYmhvb2stc2VjcmV0LWJ5dGVz"


def test_a_planted_secret_in_a_json_log_line_is_found() -> None:
    secrets = SecretRegistry()
    secrets.add(KEY)
    secrets.add(WHSEC)
    handler = CollectingHandler()
    log = logging.getLogger("test.leak")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        log.info("all fine for key id 0123456789abcdef")
        log.info("calling with Authorization: Bearer %s", KEY)
        log.warning("secret part alone: %s", KEY.rsplit("_", 1)[-1])
        log.info("webhook secret=%s;", WHSEC[len("whsec_") :])
    finally:
        log.removeHandler(handler)
    leaks = find_leaks(handler.lines, secrets.snapshot())
    # kit.logs masks a bearer token itself; the bare secret parts are what the scan must catch.
    assert len(leaks) == 2
    assert not any("Bearer" in line for _, line in leaks)
    assert all('"logger": "test.leak"' in line for _, line in leaks)


def test_clean_lines_and_short_values_are_not_leaks() -> None:
    secrets = SecretRegistry()
    secrets.add("short")  # too short to be a secret: ignored rather than matching everywhere
    secrets.add(KEY)
    assert find_leaks(['{"msg": "GET /v1/me 200"}', '{"msg": "short"}'], secrets.snapshot()) == []
