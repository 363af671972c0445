"""The pure rules of credit_push, exhaustively: ratings upload, entitlement, webhooks, SSRF guard."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from standardwebhooks.webhooks import Webhook

from services.credit_push.entitlement import (
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
from services.credit_push.ratings import RatingItem, StoredRating, parse_batch, parse_item, plan_batch
from services.credit_push.ssrf import UnsafeUrl, address_allowed, check_shape, check_url
from services.credit_push.webhooks import (
    AttemptResult,
    decide,
    headers_for,
    new_secret,
    signing_secrets,
)
from tests.support.api import make_uscc

LEVELS = ("A", "B", "M", "C", "D")
CAUSES = ("rating", "consent", "consent_revoked", "consent_expired", "bank")
USCC = make_uscc()


def good(**overrides: Any) -> dict[str, Any]:
    return {"uscc": USCC, "name": "兰州某某有限公司", "rating": "A", "year": 2024, **overrides}


# --- ratings upload --------------------------------------------------------------------------


def test_a_valid_item_is_normalised() -> None:
    parsed = parse_item(good(uscc=USCC.lower(), rating="b", name="  x  "), 2026)
    assert parsed == RatingItem(USCC, "x", "B", 2024, None, None)


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"uscc": USCC[:-1] + ("0" if USCC[-1] != "0" else "1")}, "check character"),
        ({"uscc": "123"}, "18 characters"),
        ({"uscc": 12}, "uscc"),
        ({"rating": "E"}, "unknown level"),
        ({"rating": None}, "unknown level"),
        ({"year": 2013}, "evaluation year"),
        ({"year": 2027}, "evaluation year"),
        ({"year": "2024"}, "evaluation year"),
        ({"year": True}, "evaluation year"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"region_code": "62010"}, "region_code"),
        ({"avg_annual_tax_fen": -1}, "avg_annual_tax_fen"),
        ({"avg_annual_tax_fen": 1.5}, "avg_annual_tax_fen"),
        ({"avg_annual_tax_fen": True}, "avg_annual_tax_fen"),
        ({"colour": "red"}, "unknown fields"),
    ],
)
def test_an_invalid_item_gives_a_reason(overrides: dict[str, Any], reason: str) -> None:
    parsed = parse_item(good(**overrides), 2026)
    assert isinstance(parsed, str)
    assert reason in parsed


def test_not_an_object_is_rejected() -> None:
    assert parse_item(["A"], 2026) == "item must be an object"


def test_a_second_item_for_the_same_year_is_rejected_naming_the_first() -> None:
    valid, rejected = parse_batch([good(), good(rating="B"), good(year=2023), "x"], 2026)
    assert [v.year for v in valid] == [2024, 2023]
    assert [(r.index, r.uscc) for r in rejected] == [(1, USCC), (3, None)]
    assert "item 0" in rejected[0].detail


@given(
    st.lists(st.sampled_from([good(), good(year=2023), good(rating="Q"), 3, good(year=2099)]), max_size=30)
)
def test_every_item_is_accounted_for(items: list[Any]) -> None:
    valid, rejected = parse_batch(items, 2026)
    assert len(valid) + len(rejected) == len(items)
    assert sorted(r.index for r in rejected) == [r.index for r in rejected]


def stored(year: int = 2024, version: int = 1, **kw: Any) -> StoredRating:
    values: dict[str, Any] = {"name": "n", "rating": "A", "region_code": None, "avg_annual_tax_fen": 100}
    values.update(kw)
    return StoredRating(
        USCC,
        year,
        values["name"],
        values["rating"],
        values["region_code"],
        values["avg_annual_tax_fen"],
        version,
    )


def test_identical_reupload_is_unchanged_and_a_change_bumps_the_version() -> None:
    before = stored(version=3)
    same = RatingItem(USCC, "n", "A", 2024, None, 100)
    adjusted = RatingItem(USCC, "n", "A", 2024, None, 200)
    assert plan_batch([same], {(USCC, 2024): before}, {USCC: 3}).unchanged == 1
    plan = plan_batch([adjusted], {(USCC, 2024): before}, {USCC: 3})
    assert [(r.version, r.avg_annual_tax_fen) for r in plan.changed] == [(4, 200)]


@given(st.lists(st.tuples(st.integers(2014, 2026), st.sampled_from(LEVELS)), max_size=12), st.integers(0, 50))
def test_versions_of_an_enterprise_only_grow(changes: list[tuple[int, str]], last: int) -> None:
    items = {year: RatingItem(USCC, "n", level, year, None, None) for year, level in changes}
    plan = plan_batch(list(items.values()), {}, {USCC: last} if last else {})
    versions = [r.version for r in plan.changed]
    assert versions == list(range(last + 1, last + 1 + len(items)))
    assert len(plan.changed) + plan.unchanged == len(items)


# --- entitlement -----------------------------------------------------------------------------


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


# --- webhooks --------------------------------------------------------------------------------


def test_signature_verifies_with_the_reference_library() -> None:
    secret = new_secret()
    assert secret.startswith("whsec_")
    now = datetime.now(UTC)
    body = '{"id":"e1","data":{"name":"兰州"}}'
    headers = headers_for([secret], "msg_1", now, body)
    assert Webhook(secret).verify(body.encode(), headers) == {"id": "e1", "data": {"name": "兰州"}}
    assert headers["webhook-timestamp"] == str(int(now.timestamp()))


def test_rotation_signs_with_both_secrets_for_24_hours() -> None:
    old, new = new_secret(), new_secret()
    now = datetime.now(UTC)
    secrets = signing_secrets(new, old, now + timedelta(hours=24), now)
    assert secrets == [new, old]
    headers = headers_for(secrets, "msg_2", now, "{}")
    assert len(headers["webhook-signature"].split(" ")) == 2
    for secret in (old, new):
        Webhook(secret).verify("{}", headers)
    assert signing_secrets(new, old, now, now) == [new]
    assert signing_secrets(new, None, None, now) == [new]


def test_a_foreign_secret_does_not_verify() -> None:
    headers = headers_for([new_secret()], "msg_3", datetime.now(UTC), "{}")
    with pytest.raises(Exception, match="No matching signature"):
        Webhook(new_secret()).verify("{}", headers)


NOW = datetime(2026, 1, 1, tzinfo=UTC)


def test_decisions() -> None:
    schedule = (5, 300)
    assert decide(AttemptResult(204), 0, schedule, NOW).status == "delivered"
    first = decide(AttemptResult(500), 0, schedule, NOW)
    assert (first.status, first.next_attempt_at, first.round_failures) == (
        "pending",
        NOW + timedelta(seconds=5),
        1,
    )
    second = decide(AttemptResult(None, "timeout"), 1, schedule, NOW)
    assert second.next_attempt_at == NOW + timedelta(seconds=300)
    assert decide(AttemptResult(302), 2, schedule, NOW).status == "failed"
    gone = decide(AttemptResult(410), 0, schedule, NOW)
    assert (gone.status, gone.pause_subscription) == ("failed", True)


@given(st.lists(st.integers(0, 100_000), max_size=10))
def test_a_failing_receiver_gets_one_attempt_plus_one_per_schedule_step(schedule: list[int]) -> None:
    attempts, failures = 0, 0
    while True:
        attempts += 1
        decision = decide(AttemptResult(503), failures, schedule, NOW)
        failures = decision.round_failures
        if decision.status != "pending":
            break
    assert decision.status == "failed"
    assert attempts == len(schedule) + 1


# --- SSRF guard ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:10.0.0.1", False),
        ("::ffff:8.8.8.8", True),
    ],
)
def test_address_allowed(address: str, allowed: bool) -> None:
    assert address_allowed(address) is allowed


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/hook",
        "ftp://example.com",
        "https://user:pw@example.com/",
        "https:///x",
        "https://e.com/#f",
    ],
)
def test_bad_shapes_are_refused(url: str) -> None:
    with pytest.raises(UnsafeUrl):
        check_shape(url, allow_private=False)


def test_http_is_allowed_only_in_development() -> None:
    assert check_shape("http://127.0.0.1:9/hook", allow_private=True) == ("127.0.0.1", 9)


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.0.0.8/",
        "https://[::1]/",
        "https://169.254.169.254/",
    ],
)
async def test_private_targets_are_refused_after_resolving(url: str) -> None:
    with pytest.raises(UnsafeUrl, match="non-public"):
        await check_url(url, allow_private=False)


async def test_a_public_address_passes() -> None:
    await check_url("https://8.8.8.8/hook", allow_private=False)
