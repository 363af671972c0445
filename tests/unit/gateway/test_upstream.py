"""gateway.upstream: the target is sent exactly as received, unless a byte may not be sent at all."""

from gateway.upstream import _Origin, request_bytes, sendable


def test_a_target_as_received_is_sent_unchanged_percent_escapes_included() -> None:
    origin = _Origin.parse("http://127.0.0.1:1")
    for target in ("/v1/credit/ratings/91620100MA74XQ4T2R", "/v1/x/%19?q=%20a&b=!", "/v1/x/a%2Fb;c"):
        assert sendable(target) == target
        sent = request_bytes("GET", origin, target, {"Accept": "*/*"}, b"")
        assert sent == f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:1\r\nAccept: */*\r\n\r\n".encode()


def test_bytes_that_may_not_stand_in_a_request_line_are_percent_encoded() -> None:
    raw = "/v1/x/企业".encode().decode("latin-1")  # what the server hands over: the bytes as latin-1
    assert sendable(raw) == "/v1/x/%E4%BC%81%E4%B8%9A"
    assert sendable("/v1/x/a b") == "/v1/x/a%20b"


def test_a_body_is_sent_with_its_length_and_a_write_always_says_it() -> None:
    origin = _Origin.parse("http://svc:80/base/")
    assert request_bytes("POST", origin, "/v1/x", {}, b"{}") == (
        b"POST /base/v1/x HTTP/1.1\r\nHost: svc\r\nContent-Length: 2\r\n\r\n{}"
    )
    assert request_bytes("PUT", origin, "/v1/x", {}, b"").endswith(b"Content-Length: 0\r\n\r\n")
    assert b"Content-Length" not in request_bytes("DELETE", origin, "/v1/x", {}, b"")
