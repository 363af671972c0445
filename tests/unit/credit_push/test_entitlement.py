"""rules/entitlement.py: who may see an enterprise, which events follow, where they go."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from services.credit_push.rules.entitlement import (
    PUBLISHED,
    WITHDRAWN,
    Current,
    Seen,
    Sub,
    plan_for,
    push_view,
    read_view,
    region_covers,
    route_event,
    subscription_wants,
)
from tests.support.api import make_uscc

LEVELS = ("A", "B", "M", "C", "D")
CAUSES = ("rating", "consent", "consent_revoked", "consent_expired", "bank")
USCC = make_uscc()


def current(rating: str, version: int = 2) -> Current:
    return Current(USCC, "n", rating, 2024, version, None, 500)


def test_read_view_table() -> None:
    table = {(level, consent): read_view(level, consent) for level in LEVELS for consent in (False, True)}
    assert table == {
        ("A", False): "public",
        ("A", True): "full",
        **{(level, False): None for level in "BMCD"},
        **{(level, True): "full" for level in "BMCD"},
    }


def test_push_view_never_pushes_c_or_d() -> None:
    for level, consent in itertools.product(LEVELS, (False, True)):
        view = push_view(level, consent)
        assert (view is not None) == (level == "A" or (level in "BM" and consent))
    assert push_view(None, True) is None


SEENS = (None, Seen(1, False), Seen(1, True), Seen(2, False), Seen(2, True))


@pytest.mark.parametrize(
    ("level", "consent", "seen", "cause"),
    list(itertools.product((*LEVELS, None), (False, True), SEENS, CAUSES)),
)
def test_plan_for_every_state(level: str | None, consent: bool, seen: Seen | None, cause: Any) -> None:
    now = current(level) if level else None
    planned = plan_for("bank", USCC, now, consent, seen, cause)
    view = push_view(level, consent)
    if view is None:
        if seen is None:
            assert planned is None
            return
        assert planned is not None
        assert planned.type == WITHDRAWN
        assert planned.seen_after is None
        expected = (
            "rating_changed"
            if level not in ("A", "B", "M")
            or cause
            not in (
                "consent_revoked",
                "consent_expired",
            )
            else cause
        )
        assert planned.data == {"uscc": USCC, "version": 2 if now else seen.version, "reason": expected}
        return
    after = Seen(2, view == "full")
    if seen == after:
        assert planned is None
        return
    assert planned is not None
    assert planned.type == PUBLISHED
    assert planned.seen_after == after
    assert ("avg_annual_tax_fen" in planned.data) == consent
    assert planned.data["version"] == 2


@pytest.mark.parametrize(
    ("consent", "seen", "cause"), list(itertools.product((False, True), SEENS, (*CAUSES, "blacklist")))
)
def test_a_blacklisted_enterprise_counts_as_d_and_is_withdrawn_as_blacklisted(
    consent: bool, seen: Seen | None, cause: Any
) -> None:
    """国家税务总局令第54号: the reads overlay D; every bank holding it loses it, reason blacklisted."""
    listed = Current(USCC, "n", "D", 2024, 2, None, 500, blacklisted=True)
    planned = plan_for("bank", USCC, listed, consent, seen, cause)
    if seen is None:
        assert planned is None
        return
    assert planned is not None
    assert (planned.type, planned.data) == (WITHDRAWN, {"uscc": USCC, "version": 2, "reason": "blacklisted"})


@pytest.mark.parametrize(("level", "consent", "seen"), list(itertools.product(LEVELS, (False, True), SEENS)))
def test_a_lapsed_rating_is_outside_the_push_set(level: str, consent: bool, seen: Seen | None) -> None:
    """Past 31 March of Y+3 an enterprise has no current rating: nothing published, holders withdrawn."""
    lapsed = Current(USCC, "n", level, 2020, 2, None, 500, lapsed=True)
    planned = plan_for("bank", USCC, lapsed, consent, seen, "consent")
    if seen is None:
        assert planned is None
        return
    assert planned is not None
    assert (planned.type, planned.data["reason"]) == (WITHDRAWN, "rating_changed")


def test_region_cover_rules() -> None:
    assert region_covers("620000", "620102")
    assert region_covers("620100", "620102")
    assert not region_covers("620100", "620202")
    assert region_covers("620102", "620102")
    assert not region_covers("620102", "620103")
    assert not region_covers("630000", "620102")


def test_subscription_filters() -> None:
    assert subscription_wants(None, None, "M", "620102")
    assert subscription_wants("B", None, "A", "620102")
    assert subscription_wants("B", None, "B", "620102")
    assert not subscription_wants("B", None, "M", "620102")
    assert not subscription_wants("A", ["620000"], "B", "620102")
    assert subscription_wants(None, ["630000", "620100"], "B", "620102")
    assert not subscription_wants(None, ["620200"], "B", "620102")


def test_routing_withdrawn_follows_published() -> None:
    only_a = Sub("s1", "bank", "A", None)
    anything = Sub("s2", "bank", None, None)
    elsewhere = Sub("s3", "bank", None, ["110000"])
    subs = [only_a, anything, elsewhere]
    assert route_event(PUBLISHED, "B", "620102", subs, set()) == ["s2"]
    # A subscription holding an older copy hears of the change even outside its filter.
    assert route_event(PUBLISHED, "B", "620102", subs, {"s1"}) == ["s1", "s2"]
    assert route_event(WITHDRAWN, None, "620102", subs, {"s2"}) == ["s2"]
    assert route_event(WITHDRAWN, None, "620102", subs, set()) == []
