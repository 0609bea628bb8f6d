"""Several bot instances on one Redis share buttons, feedback, settings and rate limits.

The behaviours every store shares run against Redis in test_state_store.py; these are Redis's own.
"""

import asyncio
import csv
import io
import sys
import time

import pytest
import pytest_asyncio
import redis.asyncio

from bot.state import AnswerState, ShownSong
from bot.state.redis_store import RedisStore, RedisUnavailable
from bot.state.sqlite import SQLiteStore
from tests.support.network import free_port

SONG = ShownSong("dz1", "Artist", "Title", "https://www.deezer.com/track/1", 0.5, -0.2, ("calm",))


@pytest_asyncio.fixture
async def instances(redis_server):
    """Opens RedisStore clients on one emptied redis-server, as separate bot instances would; closes them after."""
    redis_server.flush()
    opened = []

    def open_instance(**options):
        opened.append(RedisStore(redis_server.url, **options))
        return opened[-1]

    yield open_instance
    for store in opened:
        await store.close()


async def test_a_button_works_on_an_answer_from_another_instance(instances):
    one, other = instances(), instances()
    state = AnswerState("a beach", "u", moods=[["happy", "sunny"]])
    state.show(10, [SONG])
    await one.put_answer("tok12345", state)
    assert await other.get_answer("tok12345") == state
    await other.record_vote("tok12345", "u", 1, state.moods)
    await other.dislike_song("u", "dz1")
    prefs = await one.preferences("u")
    assert prefs.disliked_songs == {"dz1"} and prefs.label_weights["happy"] > 0


async def test_rate_limits_count_hits_from_every_instance(instances):
    one, other = instances(), instances()
    assert [await one.hit("u:photo", 1, 3) for _ in range(3)] == [True, True, True]
    assert not await other.hit("u:photo", 1, 3)
    await asyncio.sleep(1.1)
    assert await other.hit("u:photo", 1, 3)


async def test_concurrent_hits_never_let_more_than_the_limit_through(instances):
    one, other = instances(), instances()
    allowed = await asyncio.gather(*(store.hit("u:photo", 60, 10) for _ in range(15) for store in (one, other)))
    assert allowed.count(True) == 10


async def test_preferences_and_export_match_sqlite_for_the_same_feedback(instances, tmp_path):
    shared, embedded = instances(), SQLiteStore(tmp_path / "state.sqlite3")
    for store in (shared, embedded):
        await store.record_vote("a1", "u", 1, [["happy", "sunny"], ["calm"]])
        await store.record_vote("a2", "u", 1, [["happy"]])
        await store.record_vote("a3", "u", -1, [["dark"]])
        await store.record_vote("a3", "u", -1, [["dark"]])
        await store.record_vote("a4", "v", 1, [["dark"], ["rain"]])
        await store.dislike_song("u", "dz9")
        await store.dislike_song("v", "dz8")
    for user in ("u", "v", "nobody"):
        assert await shared.preferences(user) == await embedded.preferences(user)

    def without_time(rows):
        return [{k: v for k, v in row.items() if k != "at"} for row in rows]

    assert without_time(await shared.export_feedback()) == without_time(await embedded.export_feedback())
    await embedded.close()


async def test_answers_expire_inside_redis(instances, redis_server):
    store = instances(answer_ttl=0.3)
    await store.put_answer("tok12345", AnswerState("x", "u"))
    assert await store.get_answer("tok12345") is not None
    await asyncio.sleep(0.4)
    assert await store.get_answer("tok12345") is None
    raw = redis.asyncio.from_url(redis_server.url)
    assert await raw.keys("*") == []  # Redis dropped it itself: nothing to clean up
    await raw.aclose()


async def test_a_real_answer_lives_48_hours_in_redis(instances, redis_server):
    await instances().put_answer("tok12345", AnswerState("x", "u", created=time.time() - 3600))
    raw = redis.asyncio.from_url(redis_server.url)
    assert 46.9 * 3600 < await raw.ttl("storytune:answer:tok12345") <= 47 * 3600
    await raw.aclose()


async def test_an_unreachable_redis_raises_a_clear_error_without_the_password():
    port = free_port()  # nothing listens there
    store = RedisStore(f"redis://:s3cret@127.0.0.1:{port}/0", timeout=1)
    for call in (store.get_answer("tok12345"), store.put_answer("tok12345", AnswerState("x", "u")), store.hit("u:photo", 1, 3)):
        with pytest.raises(RedisUnavailable, match=f"127.0.0.1:{port}") as raised:
            await call
        assert "s3cret" not in str(raised.value)
    await store.close()


async def test_a_burst_of_calls_beyond_the_pool_waits_for_connections_instead_of_failing(instances):
    """redis-py's default pool refused calls beyond its 100 connections ("Too many connections")."""
    for store in (instances(), instances(connections=8)):
        allowed = await asyncio.gather(*(store.hit(f"{id(store)}:{n}", 60, 1) for n in range(300)))
        settings = await asyncio.gather(*(store.settings(f"u{n}") for n in range(300)))
        assert all(allowed) and len(settings) == 300


async def test_export_feedback_reads_redis_when_redis_url_is_set(redis_server, tmp_path):
    redis_server.flush()
    shared = RedisStore(redis_server.url)
    await shared.record_vote("tokenRED", "user-in-redis", 1, [["happy"]])
    await shared.dislike_song("user-in-redis", "dz42")
    await shared.close()
    local = SQLiteStore(tmp_path / "state" / "storytune.sqlite3")
    await local.record_vote("tokenSQL", "user-in-sqlite", -1, [["dark"]])
    await local.close()
    env = {"STORYTUNE_STATE_DIR": str(tmp_path / "state"), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}
    rows = {}
    for name, extra in (("redis", {"REDIS_URL": redis_server.url}), ("sqlite", {})):
        process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "export-feedback",
                                                       stdout=asyncio.subprocess.PIPE, env={**env, **extra})
        out, _ = await process.communicate()
        assert process.returncode == 0
        rows[name] = list(csv.DictReader(io.StringIO(out.decode())))
    assert {(r["kind"], r["user"], r["answer"], r["song_id"]) for r in rows["redis"]} == {
        ("answer_vote", "user-in-redis", "tokenRED", ""), ("song_dislike", "user-in-redis", "", "dz42")}
    assert [r["user"] for r in rows["sqlite"]] == ["user-in-sqlite"]


@pytest.mark.parametrize("kind", ["redis", "sqlite"])
async def test_the_update_journal_keeps_each_update_once_and_hands_stale_ones_to_one_instance(instances, tmp_path,
                                                                                             kind):
    if kind == "redis":
        one, other = instances(), instances()
    else:
        one = other = SQLiteStore(tmp_path / "state.sqlite3")
    raw = '{"update_id": %d, "message": {}}'
    assert await one.keep_update(5, raw % 5) and await one.keep_update(6, raw % 6)
    assert not await other.keep_update(5, raw % 5), "a redelivery is not kept twice"
    assert await other.reclaim_updates(60) == [], "claimed a moment ago: still its fetcher's"
    await one.finish_update(6)
    assert not await other.keep_update(6, raw % 6), "a handled update is remembered"
    noted = '{"update_id": 5, "message": {}, "storytune_status_message": 9}'
    await one.note_update(5, noted)
    await one.note_update(6, noted.replace("5", "6"))
    time.sleep(0.05)
    assert await other.reclaim_updates(0.01) == [noted], "only the unfinished one, once, as last noted"
    assert await one.reclaim_updates(0.5) == [], "now claimed by the other instance"
    if kind == "sqlite":
        await one.close()
