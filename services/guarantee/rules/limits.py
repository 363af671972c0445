"""The regulatory limits of a guarantor. Pure.

- 融资担保公司监督管理条例 (国务院令第683号): 融资担保责任余额 ≤ 10 × net assets (up to 15 ×);
  outstanding liability for one client ≤ 10% of net assets (art. 16).
- 融资担保责任余额计量办法 (银保监发〔2018〕1号): a small-micro client whose 单户在保余额 is ≤ 500万
  weighs 75%, other loan guarantees 100% (``rules.weights``).
- 财金〔2025〕11号: policy business is single client ≤ 1000万 (``rules.weights``)."""

from __future__ import annotations

from dataclasses import dataclass

from kit.money import BP_WHOLE, yuan

DEFAULT_LEVERAGE_MULTIPLE = 10  # Decree 683: 10 × net assets
MAX_LEVERAGE_MULTIPLE = 15  # raised ceiling for guarantors meeting the small-micro test
POLICY_SCOPE_MAX_FEN = yuan(10_000_000)  # 财金〔2025〕11号: single client ≤ 1000万
SMALL_LOAN_MAX_FEN = yuan(5_000_000)  # 计量办法: 75% up to this 单户在保余额; the ≤ 500万 policy share
SMALL_MICRO_WEIGHT_BP = 7_500
SINGLE_CLIENT_CAP_BP = 1_000  # Decree 683 art. 16: one client ≤ 10% of net assets


def capacity(net_assets_fen: int, leverage_multiple: int) -> int:
    return max(0, net_assets_fen) * leverage_multiple


def headroom(net_assets_fen: int, leverage_multiple: int, liability_fen: int) -> int:
    return max(0, capacity(net_assets_fen, leverage_multiple) - liability_fen)


def single_client_cap(net_assets_fen: int) -> int:
    """10% of net assets, rounded down: a total x passes exactly when 10·x ≤ net assets."""
    return max(0, net_assets_fen) * SINGLE_CLIENT_CAP_BP // BP_WHOLE


@dataclass(frozen=True)
class LimitBreach:
    slug: str
    detail: str
    limit_fen: int
    current_fen: int
    requested_fen: int


def check_limits(
    *,
    net_assets_fen: int,
    leverage_multiple: int,
    liability_fen: int,
    client_liability_fen: int,
    requested_fen: int,
) -> LimitBreach | None:
    """Leverage first, then single client (CONTRACT §4 order); None when both hold."""
    limit = capacity(net_assets_fen, leverage_multiple)
    if liability_fen + requested_fen > limit:
        return LimitBreach(
            "leverage-limit-exceeded",
            "The guarantor's weighted liability would exceed net assets × leverage multiple "
            "(融资担保公司监督管理条例).",
            limit,
            liability_fen,
            requested_fen,
        )
    cap = single_client_cap(net_assets_fen)
    if client_liability_fen + requested_fen > cap:
        return LimitBreach(
            "single-client-limit-exceeded",
            "The guarantor's weighted liability to this client would exceed 10% of net assets "
            "(融资担保公司监督管理条例 art. 16).",
            cap,
            client_liability_fen,
            requested_fen,
        )
    return None
