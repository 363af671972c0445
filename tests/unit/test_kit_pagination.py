"""kit.pagination: opaque keyset cursors."""

import pytest

from kit.errors import RuleViolation
from kit.pagination import decode_cursor, encode_cursor, page_of


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
