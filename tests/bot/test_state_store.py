"""The SQLite state store keeps buttons, votes and settings across restarts and crashes."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.state import AnswerState, Settings, ShownSong, UserKeys
from bot.state.sqlite import SQLiteStore

SONG = ShownSong("dz1", "Artist", "Title", "https://www.deezer.com/track/1", 0.5, -0.2, ("calm",))


@pytest.fixture
async def store(tmp_path):
    store = SQLiteStore(tmp_path / "state.sqlite3")
    yield store
    await store.close()


async def test_answer_state_round_trips_with_its_songs(store):
    state = AnswerState("a beach", "user1", affect_hint=(0.5, 0.2, 0.3), moods=[["happy", "sunny"]])
    state.show(10, [SONG])
    await store.put_answer("tok12345", state)
    loaded = await store.get_answer("tok12345")
    assert loaded == state
    assert loaded.songs_in(10) == [SONG] and loaded.song("dz1") == SONG and loaded.shown == ["dz1"]
    assert await store.get_answer("unknown1") is None


async def test_answers_expire(tmp_path):
    store = SQLiteStore(tmp_path / "s.sqlite3", answer_ttl=60)
    await store.put_answer("old12345", AnswerState("x", "u", created=time.time() - 61))
    await store.put_answer("new12345", AnswerState("x", "u"))
    assert await store.get_answer("old12345") is None
    assert await store.get_answer("new12345") is not None
    await store.close()


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


async def test_settings_persist_across_a_reopen(tmp_path):
    path = tmp_path / "s.sqlite3"
    first = SQLiteStore(path)
    assert await first.settings("u") == Settings()
    await first.save_settings("u", Settings(language="fr", previews_only=True))
    await first.close()
    second = SQLiteStore(path)
    assert await second.settings("u") == Settings(language="fr", previews_only=True)
    await second.close()


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


def test_user_keys_are_stable_per_secret_and_hide_the_id():
    keys = UserKeys(b"k" * 32)
    assert keys.of(12345) == keys.of(12345) != UserKeys(b"j" * 32).of(12345)
    assert "12345" not in keys.of(12345) and len(keys.of(12345)) == 32
