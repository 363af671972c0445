"""kit.turns: one holder per key at a time, in arrival order, other keys unhindered, and a key
forgotten once nobody holds or waits for it (also after a holder failed or was cancelled)."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from kit.turns import Turns


async def _hold(turns: Turns, key: str, name: str, log: list[str], release: asyncio.Event) -> None:
    async with turns.turn(key):
        log.append(f"{name} in")
        await release.wait()
        log.append(f"{name} out")


async def test_callers_of_one_key_take_turns_in_arrival_order() -> None:
    turns, log = Turns(), list[str]()
    gates = [asyncio.Event() for _ in range(3)]
    tasks = []
    for i, gate in enumerate(gates):
        tasks.append(asyncio.create_task(_hold(turns, "g", f"c{i}", log, gate)))
        await asyncio.sleep(0)
    await asyncio.sleep(0.01)
    assert log == ["c0 in"] and turns.waiting("g") == 3
    for gate in reversed(gates):  # the later ones are released first: they still wait their turn
        gate.set()
    await asyncio.gather(*tasks)
    assert log == ["c0 in", "c0 out", "c1 in", "c1 out", "c2 in", "c2 out"]
    assert turns.waiting("g") == 0


async def test_another_key_is_not_held_up() -> None:
    turns, log = Turns(), list[str]()
    held = asyncio.Event()
    blocker = asyncio.create_task(_hold(turns, "a", "a", log, held))
    await asyncio.sleep(0)
    async with asyncio.timeout(1):
        async with turns.turn("b"):
            log.append("b in")
    assert log == ["a in", "b in"]
    held.set()
    await blocker


async def test_a_failing_holder_hands_the_turn_on_and_the_key_is_forgotten() -> None:
    turns = Turns()
    with pytest.raises(RuntimeError):
        async with turns.turn("g"):
            raise RuntimeError("refused")
    assert turns.waiting("g") == 0
    async with asyncio.timeout(1), turns.turn("g"):
        assert turns.waiting("g") == 1


async def test_a_cancelled_waiter_leaves_the_queue() -> None:
    turns, log = Turns(), list[str]()
    first, second = asyncio.Event(), asyncio.Event()
    holder = asyncio.create_task(_hold(turns, "g", "c0", log, first))
    await asyncio.sleep(0)
    waiter = asyncio.create_task(_hold(turns, "g", "c1", log, second))
    await asyncio.sleep(0.01)
    assert turns.waiting("g") == 2
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    assert turns.waiting("g") == 1
    first.set()
    await holder
    assert log == ["c0 in", "c0 out"] and turns.waiting("g") == 0


def test_callers_on_two_event_loops_do_not_share_a_lock() -> None:
    # Each loop in its own thread, both holding the same key's turn at once: a lock shared
    # between them would raise (an asyncio.Lock belongs to one loop) or make one wait.
    turns = Turns()
    both_in = threading.Barrier(2, timeout=5)

    async def hold() -> int:
        async with turns.turn("g"):
            await asyncio.to_thread(both_in.wait)
            return turns.waiting("g")

    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda _: asyncio.run(hold()), range(2)))
    assert answers == [1, 1]
