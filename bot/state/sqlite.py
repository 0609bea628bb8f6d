"""The embedded store: one SQLite file in WAL mode; each write is its own transaction.

Calls run in a worker thread (sqlite3 blocks); a lock serialises them on the one connection.
WAL with synchronous=NORMAL keeps every committed write through a crash of the bot process
(what the tests check); only a power loss could drop the last moments, for far less fsync.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
from pathlib import Path

from .base import ANSWER_TTL_SECONDS, UPDATE_MEMORY_SECONDS, AnswerState, Preferences, Settings, label_weights

SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (token TEXT PRIMARY KEY, state TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS votes (
    answer TEXT NOT NULL, user_hash TEXT NOT NULL, vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    moods TEXT NOT NULL, voted_at REAL NOT NULL, PRIMARY KEY (answer, user_hash));
CREATE TABLE IF NOT EXISTS song_dislikes (
    user_hash TEXT NOT NULL, song_id TEXT NOT NULL, disliked_at REAL NOT NULL, PRIMARY KEY (user_hash, song_id));
CREATE TABLE IF NOT EXISTS settings (user_hash TEXT PRIMARY KEY, language TEXT, previews_only INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS hits (key TEXT PRIMARY KEY, window_end REAL NOT NULL, count INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS hits_by_end ON hits (window_end);
CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY, raw TEXT, claimed_at REAL NOT NULL, done_at REAL);
"""


class SQLiteStore:
    def __init__(self, path: Path, *, answer_ttl: float = ANSWER_TTL_SECONDS):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA synchronous=NORMAL")
        self._connection.executescript(SCHEMA)
        self._lock = threading.Lock()
        self._answer_ttl = answer_ttl

    async def _read(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        def work() -> list[tuple]:
            with self._lock:
                return self._connection.execute(sql, parameters).fetchall()

        return await asyncio.to_thread(work)

    async def _write(self, sql: str, parameters: tuple, *statements: tuple[str, tuple]) -> list[tuple]:
        """One transaction, committed before returning: an acknowledged write survives a crash.

        Runs `sql`, then any further (sql, parameters) `statements`; returns the last one's rows.
        """

        def work() -> list[tuple]:
            with self._lock:
                self._connection.execute("BEGIN IMMEDIATE")
                try:
                    for each_sql, each_parameters in ((sql, parameters), *statements):
                        rows = self._connection.execute(each_sql, each_parameters).fetchall()
                except BaseException:
                    self._connection.execute("ROLLBACK")
                    raise
                self._connection.execute("COMMIT")
                return rows

        return await asyncio.to_thread(work)

    async def put_answer(self, token: str, state: AnswerState) -> None:
        await self._write("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (token, state.to_json(), state.created))

    async def get_answer(self, token: str) -> AnswerState | None:
        rows = await self._read("SELECT state, created FROM answers WHERE token = ?", (token,))
        if not rows or time.time() - rows[0][1] > self._answer_ttl:
            return None
        return AnswerState.from_json(rows[0][0])

    async def record_vote(self, token: str, user: str, vote: int, moods: list[list[str]]) -> None:
        await self._write("INSERT OR REPLACE INTO votes VALUES (?, ?, ?, ?, ?)",
                        (token, user, vote, json.dumps(moods), time.time()))

    async def dislike_song(self, user: str, song_id: str) -> None:
        await self._write("INSERT OR REPLACE INTO song_dislikes VALUES (?, ?, ?)", (user, song_id, time.time()))

    async def preferences(self, user: str) -> Preferences:
        songs = await self._read("SELECT song_id FROM song_dislikes WHERE user_hash = ?", (user,))
        votes = await self._read("SELECT vote, moods FROM votes WHERE user_hash = ?", (user,))
        return Preferences(frozenset(s for (s,) in songs), label_weights([(v, json.loads(m)) for v, m in votes]))

    async def settings(self, user: str) -> Settings:
        rows = await self._read("SELECT language, previews_only FROM settings WHERE user_hash = ?", (user,))
        return Settings(rows[0][0], bool(rows[0][1])) if rows else Settings()

    async def save_settings(self, user: str, settings: Settings) -> None:
        await self._write("INSERT OR REPLACE INTO settings VALUES (?, ?, ?)",
                        (user, settings.language, int(settings.previews_only)))

    async def export_feedback(self) -> list[dict]:
        votes = await self._read("SELECT answer, user_hash, vote, moods, voted_at FROM votes ORDER BY voted_at")
        dislikes = await self._read("SELECT user_hash, song_id, disliked_at FROM song_dislikes ORDER BY disliked_at")
        return ([{"kind": "answer_vote", "answer": a, "user": u, "vote": v, "moods": m, "song_id": "", "at": t}
                 for a, u, v, m, t in votes]
                + [{"kind": "song_dislike", "answer": "", "user": u, "vote": -1, "moods": "", "song_id": s, "at": t}
                   for u, s, t in dislikes])

    async def hit(self, key: str, window_seconds: float, limit: int) -> bool:
        """Fixed window from the key's first event; expired windows are pruned as hits come in."""
        now = time.time()
        rows = await self._write(
            "DELETE FROM hits WHERE window_end <= ?", (now,),
            ("INSERT INTO hits VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE SET count = count + 1 RETURNING count",
             (key, now + window_seconds)))
        return rows[0][0] <= limit

    async def keep_update(self, update_id: int, raw: str) -> bool:
        rows = await self._write("INSERT INTO updates VALUES (?, ?, ?, NULL) ON CONFLICT (id) DO NOTHING RETURNING id",
                                 (update_id, raw, time.time()))
        return bool(rows)

    async def note_update(self, update_id: int, raw: str) -> None:
        await self._write("UPDATE updates SET raw = ? WHERE id = ? AND done_at IS NULL", (raw, update_id))

    async def finish_update(self, update_id: int) -> None:
        await self._write("UPDATE updates SET raw = NULL, done_at = ? WHERE id = ?", (time.time(), update_id))

    async def reclaim_updates(self, lease_seconds: float) -> list[str]:
        """Also forgets finished ids older than UPDATE_MEMORY_SECONDS."""
        now = time.time()
        rows = await self._write(
            "DELETE FROM updates WHERE done_at < ?", (now - UPDATE_MEMORY_SECONDS,),
            ("UPDATE updates SET claimed_at = ? WHERE done_at IS NULL AND claimed_at < ? RETURNING id, raw",
             (now, now - lease_seconds)))
        return [raw for _, raw in sorted(rows)]

    async def close(self) -> None:
        with self._lock:
            self._connection.close()
