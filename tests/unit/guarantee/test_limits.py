"""rules.limits: the leverage and single-client limits of 国务院令第683号."""

from __future__ import annotations

from services.guarantee.rules import limits


class TestLimits:
    def test_leverage_first_then_single_client(self) -> None:
        both = limits.check_limits(
            net_assets_fen=1000,
            leverage_multiple=10,
            liability_fen=9990,
            client_liability_fen=100,
            requested_fen=11,
        )
        assert both is not None
        assert (both.slug, both.limit_fen, both.current_fen, both.requested_fen) == (
            "leverage-limit-exceeded",
            10_000,
            9990,
            11,
        )
        client = limits.check_limits(
            net_assets_fen=1000,
            leverage_multiple=10,
            liability_fen=0,
            client_liability_fen=99,
            requested_fen=2,
        )
        assert client is not None
        assert (client.slug, client.limit_fen, client.current_fen) == (
            "single-client-limit-exceeded",
            100,
            99,
        )

    def test_exactly_at_the_limits_passes(self) -> None:
        assert (
            limits.check_limits(
                net_assets_fen=1000,
                leverage_multiple=10,
                liability_fen=9900,
                client_liability_fen=0,
                requested_fen=100,
            )
            is None
        )

    def test_single_client_cap_rounds_down(self) -> None:
        assert limits.single_client_cap(1009) == 100
        assert limits.headroom(100, 10, 1500) == 0
