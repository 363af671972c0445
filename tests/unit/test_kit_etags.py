"""kit.etags: strong tags of an answer, and If-Match judged strongly (RFC 9110 §13.1.1)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from pydantic import BaseModel

from kit.errors import PreconditionFailed
from kit.etags import etag_of, matches, require_match


class Thing(BaseModel):
    name: str
    n: int


@dataclass(frozen=True)
class Row:
    name: str
    n: int


def test_the_tag_follows_the_content() -> None:
    assert etag_of(Thing(name="甲", n=1)) == etag_of(Thing(name="甲", n=1))
    assert etag_of(Thing(name="甲", n=1)) != etag_of(Thing(name="甲", n=2))
    assert etag_of(Row("甲", 1)) == etag_of(Thing(name="甲", n=1))  # the same JSON
    assert etag_of(Row("a", 1)).startswith('"') and etag_of(Row("a", 1)).endswith('"')


def test_if_match_is_strong_and_takes_a_list_or_a_star() -> None:
    tag = etag_of(Row("a", 1))
    assert matches(tag, tag)
    assert matches(f'"other", {tag}', tag)
    assert matches("*", tag)
    assert not matches("W/" + tag, tag)
    assert not matches('"other"', tag)


def test_require_match() -> None:
    require_match(None, Row("a", 1))  # no If-Match: the change applies
    require_match(etag_of(Row("a", 1)), Row("a", 1))
    with pytest.raises(PreconditionFailed) as refused:
        require_match(etag_of(Row("a", 1)), Row("a", 2))
    assert refused.value.extra["etag"] == etag_of(Row("a", 2))
