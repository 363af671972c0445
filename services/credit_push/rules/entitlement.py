"""Who may see an enterprise's rating, and which events that implies. Pure: no I/O.

The push set is A, B and M (税总发〔2019〕113号 widened 银税互动 from A and B to M); C and D
are never pushed. The A list is public (纳税信用A级纳税人名单 is published yearly), so every
bank is entitled to an A enterprise's public fields. Tax detail is taxpayer information
protected by 税收征管法 第八条: a bank sees it, and any level, only with an active, unexpired
consent the enterprise gave to that named bank (CONTRACT §3).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

PUSH_SET = frozenset({"A", "B", "M"})
PUBLIC_LEVEL = "A"
# Best first; a subscription's min_rating keeps levels at or above it.
RANK = {"A": 0, "B": 1, "M": 2, "C": 3, "D": 4}

PUBLISHED = "credit.rating.published"
WITHDRAWN = "credit.rating.withdrawn"

View = Literal["full", "public"]
Cause = Literal["rating", "consent", "consent_revoked", "consent_expired", "bank", "blacklist"]
Reason = Literal["rating_changed", "consent_revoked", "consent_expired", "blacklisted"]


@dataclass(frozen=True)
class Current:
    """An enterprise's current rating (its latest year)."""

    uscc: str
    name: str
    rating: str
    year: int
    version: int
    region_code: str | None
    avg_annual_tax_fen: int | None
    # On the 红黑榜 now: ``rating`` is then D (国家税务总局令第54号; rules/blacklist.py).
    blacklisted: bool = False
    # Past 31 March of year + 3 (rules/rating_years.py): no current rating, outside the push set.
    lapsed: bool = False

    @property
    def effective_region(self) -> str:
        """The stated region, else the registration region inside the USCC (GB 32100, chars 3-8)."""
        return self.region_code or self.uscc[2:8]


class Seen(NamedTuple):
    """What a bank was last sent about an enterprise: a `published` of this version and view."""

    version: int
    full: bool


@dataclass(frozen=True)
class Planned:
    bank: str
    uscc: str
    type: str
    version: int
    data: dict[str, Any]
    seen_after: Seen | None  # None: the bank no longer holds a published


def read_view(rating: str, consented: bool) -> View | None:
    """What GET /v1/credit/ratings/{uscc} shows a bank: consent shows everything, A the public fields."""
    if consented:
        return "full"
    if rating == PUBLIC_LEVEL:
        return "public"
    return None


def push_view(rating: str | None, consented: bool) -> View | None:
    """What the bank should hold from the push: nothing outside the push set."""
    if rating is None or rating not in PUSH_SET:
        return None
    return read_view(rating, consented)


def rating_data(current: Current, view: View) -> dict[str, Any]:
    data: dict[str, Any] = {
        "uscc": current.uscc,
        "name": current.name,
        "rating": current.rating,
        "year": current.year,
        "version": current.version,
    }
    if view == "full":
        data["avg_annual_tax_fen"] = current.avg_annual_tax_fen
    return data


def withdraw_reason(current: Current | None, cause: Cause) -> Reason:
    """Why a bank loses an enterprise: it was blacklisted, the rating left the push set, else the
    consent ended."""
    if current is not None and current.blacklisted:
        return "blacklisted"
    if current is None or current.lapsed or current.rating not in PUSH_SET:
        return "rating_changed"
    if cause in ("consent_revoked", "consent_expired"):
        return cause
    return "rating_changed"


def plan_for(
    bank: str, uscc: str, current: Current | None, consented: bool, seen: Seen | None, cause: Cause
) -> Planned | None:
    """The one event (if any) that brings the bank's copy of the enterprise up to date.

    `published` when the bank becomes entitled, the version changes, or the view changes
    (a consent adds the tax figure to an A enterprise, or its end takes it away);
    `withdrawn` when a bank that holds a `published` stops being entitled.
    """
    view = push_view(current.rating if current and not current.lapsed else None, consented)
    if view is None:
        if seen is None:
            return None
        version = current.version if current else seen.version
        reason = withdraw_reason(current, cause)
        return Planned(
            bank, uscc, WITHDRAWN, version, {"uscc": uscc, "version": version, "reason": reason}, None
        )
    assert current is not None
    after = Seen(current.version, view == "full")
    if seen == after:
        return None
    return Planned(bank, uscc, PUBLISHED, current.version, rating_data(current, view), after)


# loan_match has its own copy (codes.py) on purpose: services never import each other's code,
# so each keeps the one CONTRACT §1 rule it applies.
def region_covers(filter_code: str, code: str) -> bool:
    """CONTRACT §1: `xx0000` covers its province, `xxxx00` its prefecture, else the exact code."""
    if filter_code.endswith("0000"):
        return code[:2] == filter_code[:2]
    if filter_code.endswith("00"):
        return code[:4] == filter_code[:4]
    return code == filter_code


def subscription_wants(
    min_rating: str | None, region_codes: list[str] | None, rating: str, region_code: str
) -> bool:
    """A subscription's filters select `published` events."""
    if min_rating is not None and RANK[rating] > RANK[min_rating]:
        return False
    return not region_codes or any(region_covers(f, region_code) for f in region_codes)


@dataclass(frozen=True)
class Sub:
    id: str
    bank: str
    min_rating: str | None
    region_codes: list[str] | None


def route_event(
    event_type: str,
    rating: str | None,
    region_code: str,
    subs: list[Sub],
    holding: set[str],
) -> list[str]:
    """Subscriptions (ids) that receive an event about one enterprise.

    ``holding`` are the subscriptions that were sent a `published` for the enterprise and
    not its `withdrawn` since. A `withdrawn` goes to exactly those. A `published` goes to
    the subscriptions whose filters select it, and to those holding an older copy, so a
    receiver's copy never silently goes stale when the rating moves outside its filter.
    """
    if event_type == WITHDRAWN:
        return [s.id for s in subs if s.id in holding]
    assert rating is not None
    return [
        s.id
        for s in subs
        if s.id in holding or subscription_wants(s.min_rating, s.region_codes, rating, region_code)
    ]
