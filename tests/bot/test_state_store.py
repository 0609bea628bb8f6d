"""Every state store keeps buttons, votes, settings and rate limits; SQLite's also survive crashes.

The behaviours any StateStore must show run against each store (SQLite, and Redis on a real
redis-server); Redis across several instances is in test_redis_store.py.
"""

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import pytest
import pytest_asyncio

from bot.state import AnswerState, Settings, ShownSong, UserKeys
from bot.state.redis_store import RedisStore
from bot.state.sqlite import SQLiteStore

SONG = ShownSong("dz1", "Artist", "Title", "https://www.deezer.com/track/1", 0.5, -0.2, ("calm",))


@pytest_asyncio.fixture(params=["sqlite", "redis"])
async def make_store(request, tmp_path):
    """Opens stores of one kind over the same data (one file, or one redis-server); all closed after the test."""
    if request.param == "redis":
        server = request.getfixturevalue("redis_server")
        server.flush()

        def open_store(**options):
            return RedisStore(server.url, **options)
    else:
        def open_store(**options):
            return SQLiteStore(tmp_path / "state.sqlite3", **options)

    opened = []

    def make(**options):
        opened.append(open_store(**options))
        return opened[-1]

    yield make
    for store in opened:
        await store.close()


@pytest.fixture
def store(make_store):
    return make_store()


async def test_answer_state_round_trips_with_its_songs(store):
    state = AnswerState("a beach", "user1", affect_hint=(0.5, 0.2, 0.3), moods=[["happy", "sunny"]])
    state.show(10, [SONG])
    await store.put_answer("tok12345", state)
    loaded = await store.get_answer("tok12345")
    assert loaded == state
    assert loaded.songs_in(10) == [SONG] and loaded.song("dz1") == SONG and loaded.offered == ["dz1"]
    assert await store.get_answer("unknown1") is None


async def test_answers_expire(make_store):
    store = make_store(answer_ttl=60)
    await store.put_answer("old12345", AnswerState("x", "u", created=time.time() - 61))
    await store.put_answer("new12345", AnswerState("x", "u"))
    assert await store.get_answer("old12345") is None
    assert await store.get_answer("new12345") is not None


async def test_votes_and_dislikes_become_preferences(store):
    await store.record_vote("a1", "u", 1, [["happy", "sunny"], ["calm"]])
    await store.record_vote("a2", "u", 1, [["happy"]])
    await store.record_vote("a3", "u", -1, [["dark"]])
    await store.record_vote("a3", "u", -1, [["dark"]])  # a repeated press is one vote
    await store.dislike_song("u", "dz9")
    await store.record_vote("a4", "someone-else", 1, [["dark"]])
    prefs = await store.preferences("u")
    assert prefs.disliked_songs == {"dz9"}
    assert prefs.label_weights["happy"] > prefs.label_weights["sunny"] > 0 > prefs.label_weights["dark"]
    assert (await store.preferences("nobody")).label_weights == {}


async def test_settings_persist_across_a_reopen(make_store):
    first = make_store()
    assert await first.settings("u") == Settings()
    await first.save_settings("u", Settings(language="fr", previews_only=True))
    await first.close()
    second = make_store()
    assert await second.settings("u") == Settings(language="fr", previews_only=True)
    await second.save_settings("u", Settings(language=None, previews_only=False))
    assert await second.settings("u") == Settings()


async def test_feedback_exports_with_hashed_users_only(store):
    await store.record_vote("a1", "u1", 1, [["happy"]])
    await store.dislike_song("u2", "dz9")
    await store.record_vote("a2", "u2", -1, [["dark", "rain"]])
    await store.record_vote("a2", "u2", 1, [["dark", "rain"]])  # a change of mind replaces the vote
    rows = await store.export_feedback()
    assert all(isinstance(row.pop("at"), float) for row in rows)
    assert rows == [
        {"kind": "answer_vote", "answer": "a1", "user": "u1", "vote": 1, "moods": '[["happy"]]', "song_id": ""},
        {"kind": "answer_vote", "answer": "a2", "user": "u2", "vote": 1, "moods": '[["dark", "rain"]]',
         "song_id": ""},
        {"kind": "song_dislike", "answer": "", "user": "u2", "vote": -1, "moods": "", "song_id": "dz9"},
    ]


async def test_hits_over_the_limit_are_refused_per_key(store):
    assert [await store.hit("u:photo", 60, 3) for _ in range(4)] == [True, True, True, False]
    assert await store.hit("u:mood", 60, 3) and await store.hit("other:photo", 60, 3)


async def test_refused_hits_do_not_prolong_the_window(store):
    assert await store.hit("u:photo", 1, 1)
    await asyncio.sleep(0.5)
    assert not await store.hit("u:photo", 1, 1)  # refused, and must not push the window back
    await asyncio.sleep(0.6)
    assert await store.hit("u:photo", 1, 1)
    assert not await store.hit("u:photo", 1, 1)


def test_an_acknowledged_write_survives_a_crash(tmp_path):
    path = tmp_path / "s.sqlite3"
    crash = (f"import asyncio, os; from pathlib import Path; from bot.state.sqlite import SQLiteStore\n"
             f"s = SQLiteStore(Path({str(path)!r}))\n"
             f"asyncio.run(s.record_vote('a1', 'u', 1, [['happy']]))\n"
             f"os._exit(9)")
    result = subprocess.run([sys.executable, "-c", crash], cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 9
    import asyncio

    store = SQLiteStore(path)
    assert asyncio.run(store.preferences("u")).label_weights.get("happy", 0) > 0
    asyncio.run(store.close())


async def test_sqlite_writes_arriving_together_all_land_and_a_bad_one_fails_alone(tmp_path):
    """A burst's writes share transactions (bot/state/sqlite.py): a vote the schema refuses must not
    take the others in its transaction down with it, and a read asked after a write sees it."""
    import sqlite3

    store = SQLiteStore(tmp_path / "s.sqlite3")
    votes = [store.record_vote(f"a{n}", f"u{n}", 1, [["happy"]]) for n in range(40)]
    bad = store.record_vote("bad", "u0", 2, [["sad"]])  # the schema allows -1 and 1 only
    outcomes = await asyncio.gather(*votes[:20], bad, *votes[20:],
                                    *(store.hit(f"u{n}:photo", 60, 3) for n in range(40)), return_exceptions=True)
    assert isinstance(outcomes[20], sqlite3.IntegrityError)
    assert [o for n, o in enumerate(outcomes) if n != 20 and isinstance(o, BaseException)] == []
    _, seen = await asyncio.gather(store.save_settings("reader", Settings("fr", True)), store.settings("reader"))
    assert seen == Settings("fr", True)
    await store.close()
    reopened = SQLiteStore(tmp_path / "s.sqlite3")
    exported = await reopened.export_feedback()
    assert sorted(row["user"] for row in exported) == sorted(f"u{n}" for n in range(40))
    assert all(row["vote"] == 1 for row in exported)
    await reopened.close()


def test_user_keys_are_stable_per_secret_and_hide_the_id():
    keys = UserKeys(b"k" * 32)
    assert keys.of(12345) == keys.of(12345) != UserKeys(b"j" * 32).of(12345)
    assert "12345" not in keys.of(12345) and len(keys.of(12345)) == 32
