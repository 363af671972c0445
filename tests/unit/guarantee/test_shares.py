"""rules.shares: an agreement's risk shares under 国办发〔2019〕6号."""

from __future__ import annotations

import pytest
from hypothesis import given

from services.guarantee.rules.shares import check_shares
from tests.unit.guarantee.strategies import S2422, valid_shares


class TestShares:
    def test_2422_is_valid(self) -> None:
        assert check_shares(S2422) is None

    @pytest.mark.parametrize(
        ("shares", "slug"),
        [
            ({"bank": 1999, "guarantor": 4001, "provincial": 2000, "national": 2000}, "bank-share-too-low"),
            (
                {"bank": 2000, "guarantor": 4001, "provincial": 2000, "national": 1999},
                "national-share-out-of-range",
            ),
            (
                {"bank": 2000, "guarantor": 0, "provincial": 3900, "national": 4100},
                "national-share-out-of-range",
            ),
            (
                {"bank": 2000, "guarantor": 4100, "provincial": 1900, "national": 2000},
                "provincial-share-below-national",
            ),
            (
                {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2001},
                "provincial-share-below-national",
            ),
            (
                {"bank": 2000, "guarantor": 4001, "provincial": 2000, "national": 2000},
                "shares-do-not-sum-to-10000",
            ),
            (
                {"bank": 2000, "guarantor": 3999, "provincial": 2000, "national": 2000},
                "shares-do-not-sum-to-10000",
            ),
            ({"bank": 6000, "guarantor": -1, "provincial": 2001, "national": 2000}, "negative-share"),
        ],
    )
    def test_each_rule_has_its_slug(self, shares: dict[str, int], slug: str) -> None:
        violation = check_shares(shares)
        assert violation is not None
        assert violation.slug == slug

    def test_edges_are_allowed(self) -> None:
        assert check_shares({"bank": 2000, "guarantor": 0, "provincial": 4000, "national": 4000}) is None
        assert check_shares({"bank": 6000, "guarantor": 0, "provincial": 2000, "national": 2000}) is None

    @given(shares=valid_shares())
    def test_generated_shares_are_valid(self, shares: dict[str, int]) -> None:
        assert check_shares(shares) is None
