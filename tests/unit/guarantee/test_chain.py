"""rules/chain.py: the four parties of a split, always in the allocation rule's tie order."""

from __future__ import annotations

import pytest

from services.guarantee.rules.chain import PARTIES, ordered


def test_a_split_is_put_in_party_order_whatever_order_it_came_in() -> None:
    shares = {"national": 2000, "bank": 2000, "provincial": 2400, "guarantor": 3600}
    assert list(ordered(shares)) == ["bank", "guarantor", "provincial", "national"] == list(PARTIES)
    assert ordered(shares) == shares


def test_a_split_missing_a_party_is_refused() -> None:
    with pytest.raises(KeyError):
        ordered({"bank": 2000, "guarantor": 8000})
