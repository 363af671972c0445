"""How big a run is: the issue's sizes, or tiny ones for development (``--quick``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizes:
    wrk_seconds: float  # each measured wrk run
    warmup_seconds: float  # a short unmeasured run before each line
    latency_seconds: float  # the one-connection latency runs
    ratings: int  # new ratings uploaded
    batches: int  # in this many POSTs
    a_share_pct: int  # share rated A
    banks: int  # each with one webhook subscription
    fanout_cap_s: float  # stop waiting for the webhook backlog after this
    products: int  # active products for the match query
    matching: int  # of which match it
    sequential_products: int  # created one by one for products_per_s
    local_guarantors: int  # for the eight-guarantor line
    exposure_clients: int  # concurrent clients registering exposures


FULL = Sizes(
    wrk_seconds=10,
    warmup_seconds=2,
    latency_seconds=5,
    ratings=100_000,
    batches=10,
    a_share_pct=30,
    banks=5,
    fanout_cap_s=300,
    products=2_000,
    matching=1_750,
    sequential_products=200,
    local_guarantors=8,
    exposure_clients=32,
)

QUICK = Sizes(
    wrk_seconds=2,
    warmup_seconds=1,
    latency_seconds=2,
    ratings=2_000,
    batches=2,
    a_share_pct=30,
    banks=5,
    fanout_cap_s=60,
    products=200,
    matching=175,
    sequential_products=20,
    local_guarantors=8,
    exposure_clients=32,
)

PING_CONNECTIONS = 64
THROUGHPUT_CONNECTIONS = 64
MATCH_P99_CONNECTIONS = 4
