"""gateway.ratelimit: the shared sliding-window counters, decided in memory."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gateway.ratelimit import Policy, SharedCounter, retry_after_header


def test_a_burst_of_one_seconds_worth_then_a_wait() -> None:
    counter = SharedCounter(Policy.per_second(2.0))
    assert counter.hit("k", now=10.0) == 0
    assert counter.hit("k", now=10.1) == 0
    wait = counter.hit("k", now=10.2)
    assert wait > 0
    assert retry_after_header(wait) == "2"  # 1.3 s: until half of this window has faded
    assert counter.hit("other", now=10.2) == 0
    # In the next window the previous one still weighs: at 11.5 half of its two requests.
    assert counter.hit("k", now=11.5) == 0
    assert counter.hit("k", now=11.6) > 0


def test_a_rate_below_one_per_second_allows_one_per_longer_window() -> None:
    policy = Policy.per_second(0.01)
    assert (policy.limit, policy.window_s) == (1.0, 100.0)
    counter = SharedCounter(policy)
    assert counter.hit("k", now=1000.0) == 0
    assert counter.hit("k", now=1001.0) == pytest.approx(199.0)


def test_what_other_replicas_counted_counts_once_read_back() -> None:
    mine, theirs = SharedCounter(Policy.per_second(4.0)), SharedCounter(Policy.per_second(4.0))
    table: dict[tuple[str, int], int] = {}

    def sync(counter: SharedCounter) -> None:
        rows = counter.take(now=5.0)
        for bucket, window, hits in rows:
            table[(bucket, window)] = table.get((bucket, window), 0) + hits
        counter.settle([(b, w, table.get((b, w), 0)) for b, w, _ in rows])

    assert [theirs.hit("k", now=5.0) for _ in range(3)] == [0, 0, 0]
    assert mine.hit("k", now=5.0) == 0
    sync(theirs)
    sync(mine)  # sends its one, reads 4
    assert mine.hit("k", now=5.1) > 0
    assert theirs.hit("k", now=5.1) == 0  # it has not read mine yet: the bounded overshoot


def test_a_failed_send_is_sent_again() -> None:
    counter = SharedCounter(Policy.per_second(2.0))
    counter.hit("k", now=3.0)
    assert counter.take(now=3.0) == [("k", 3, 1), ("k", 2, 0)]
    counter.unsent()
    assert counter.hit("k", now=3.1) == 0  # the unsent one still counts here
    assert counter.hit("k", now=3.2) > 0
    assert ("k", 3, 2) in counter.take(now=3.2)


def test_failures_are_counted_even_when_refused_and_the_limit_is_exclusive() -> None:
    counter = SharedCounter(Policy.failures(3))
    assert [counter.record("1.2.3.4", now=60.0 + i) for i in range(3)] == [0, 0, 0]
    assert counter.record("1.2.3.4", now=63.0) > 0
    assert counter.record("1.2.3.4", now=64.0) > 0
    assert counter.record("5.6.7.8", now=64.0) == 0


def test_old_windows_and_idle_buckets_are_forgotten() -> None:
    counter = SharedCounter(Policy.per_second(1.0), max_buckets=2)
    for bucket in ("a", "b", "c"):
        counter.hit(bucket, now=1.0)
    assert len(counter) == 2  # "a" out
    counter.take(now=10.0)
    assert len(counter) == 0


@given(st.lists(st.floats(min_value=0.0, max_value=30.0), min_size=1, max_size=200), st.integers(1, 20))
def test_one_replica_never_admits_more_than_the_limit_in_any_window(times: list[float], rate: int) -> None:
    counter = SharedCounter(Policy.per_second(float(rate)))
    admitted = [t for t in sorted(times) if counter.hit("k", now=t) == 0]
    for start in admitted:
        assert len([t for t in admitted if start <= t < start + 1.0]) <= 2 * rate
    for window in {int(t) for t in admitted}:
        assert len([t for t in admitted if int(t) == window]) <= rate


@given(st.lists(st.floats(min_value=0.0, max_value=30.0), min_size=1, max_size=100), st.integers(1, 10))
def test_a_refused_request_passes_after_the_wait_it_was_told(times: list[float], rate: int) -> None:
    counter = SharedCounter(Policy.per_second(float(rate)))
    for t in sorted(times):
        wait = counter.hit("k", now=t)
        if wait > 0:
            probe = SharedCounter(counter.policy)
            probe._known = dict(counter._pending)
            assert probe.hit("k", now=t + wait + 1e-6) == 0
