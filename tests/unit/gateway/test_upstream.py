"""gateway.upstream: the target is sent exactly as received, unless a byte may not be sent at all."""

from gateway.upstream import sendable, target_url


def test_a_target_as_received_is_sent_unchanged_percent_escapes_included() -> None:
    for target in ("/v1/credit/ratings/91620100MA74XQ4T2R", "/v1/x/%19?q=%20a&b=!", "/v1/x/a%2Fb;c"):
        assert sendable(target) == target
        assert str(target_url("http://127.0.0.1:1", target)) == "http://127.0.0.1:1" + target


def test_bytes_that_may_not_stand_in_a_request_line_are_percent_encoded() -> None:
    raw = "/v1/x/企业".encode().decode("latin-1")  # what the server hands over: the bytes as latin-1
    assert sendable(raw) == "/v1/x/%E4%BC%81%E4%B8%9A"
    assert sendable("/v1/x/a b") == "/v1/x/a%20b"
