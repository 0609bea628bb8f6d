"""Calls arriving together share one batch; each caller still gets its own result or error."""

import asyncio
import threading

import pytest

from bot.batching import MicroBatcher


async def test_concurrent_calls_share_one_batch_in_a_worker_thread():
    batches, threads = [], set()

    def double(items):
        batches.append(list(items))
        threads.add(threading.get_ident())
        return [item * 2 for item in items]

    batcher = MicroBatcher(double, max_wait=0.05)
    results = await asyncio.gather(*(batcher.submit(n) for n in range(5)))
    assert results == [0, 2, 4, 6, 8]
    assert batches == [[0, 1, 2, 3, 4]]
    assert threading.get_ident() not in threads, "never on the event loop"


async def test_a_full_batch_runs_without_waiting_and_the_rest_follows():
    batches = []
    batcher = MicroBatcher(lambda items: batches.append(list(items)) or list(items), max_wait=10, max_size=3)
    results = await asyncio.wait_for(asyncio.gather(*(batcher.submit(n) for n in range(3))), 1)
    assert results == [0, 1, 2] and batches == [[0, 1, 2]]


async def test_one_bad_item_fails_only_its_caller():
    def check(items):
        return [ValueError(f"bad {i}") if i < 0 else i for i in items]

    batcher = MicroBatcher(check, max_wait=0.01)
    good, bad = await asyncio.gather(batcher.submit(1), batcher.submit(-1), return_exceptions=True)
    assert good == 1 and isinstance(bad, ValueError)


async def test_a_crashing_batch_fails_every_caller_with_the_error():
    def boom(items):
        raise RuntimeError("model gone")

    batcher = MicroBatcher(boom, max_wait=0.01)
    with pytest.raises(RuntimeError, match="model gone"):
        await batcher.submit(1)


async def test_calls_arriving_while_a_batch_runs_gather_into_the_next_one():
    batches, release = [], threading.Event()

    def slow_echo(items):
        batches.append(list(items))
        release.wait(5)
        return list(items)

    batcher = MicroBatcher(slow_echo, max_wait=0.001, max_size=4, max_running=1)
    first = asyncio.ensure_future(batcher.submit(0))
    while not batches:
        await asyncio.sleep(0.001)
    later = [asyncio.ensure_future(batcher.submit(n)) for n in range(1, 7)]
    await asyncio.sleep(0.05)
    assert batches == [[0]], "nothing else starts while the one allowed batch runs"
    release.set()
    assert await asyncio.wait_for(asyncio.gather(first, *later), 5) == list(range(7))
    assert batches == [[0], [1, 2, 3, 4], [5, 6]], "the waiting calls share batches of at most max_size"
