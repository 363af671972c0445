"""gateway.ratelimit: the per-key token bucket."""

import pytest

from gateway.ratelimit import TokenBuckets


def test_token_bucket_allows_a_burst_then_asks_to_wait() -> None:
    buckets = TokenBuckets(rate=2.0)
    assert buckets.take("k", now=0.0) == 0
    assert buckets.take("k", now=0.0) == 0
    wait = buckets.take("k", now=0.0)
    assert wait == pytest.approx(0.5)
    assert TokenBuckets.retry_after_header(wait) == "1"
    assert buckets.take("k", now=0.5) == 0
    assert buckets.take("other", now=0.0) == 0
