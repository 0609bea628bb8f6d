"""The embedded store: one SQLite file in WAL mode, every write committed before it returns.

sqlite3 blocks, so one thread of the store's own owns the connection and runs the calls in the
order they came. Writes waiting together share one transaction (group commit), each in a savepoint
of its own, so one failing write fails alone: a burst of photos costs a handful of commits instead
of four each, and the first photo's rate-limit check no longer waits behind everyone's (a
200-photo burst spent its first 0.1-0.3 s of each photo queued here, BENCHMARKS.md).
WAL with synchronous=NORMAL keeps every committed write through a crash of the bot process
(what the tests check); only a power loss could drop the last moments, for far less fsync.
"""

from __future__ import annotations

import asyncio
import json
import queue
import sqlite3
import threading
import time
from dataclasses import dataclass, field
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


MAX_GROUP = 256  # writes committed together at most


@dataclass
class _Call:
    """Statements to run in order, and where the caller waits for the last one's rows."""

    statements: tuple[tuple[str, tuple], ...]
    writes: bool
    future: asyncio.Future = field(repr=False)


class SQLiteStore:
    def __init__(self, path: Path, *, answer_ttl: float = ANSWER_TTL_SECONDS):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA synchronous=NORMAL")
        self._connection.executescript(SCHEMA)
        self._answer_ttl = answer_ttl
        self._calls: queue.SimpleQueue[_Call | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._serve, name="storytune-sqlite", daemon=True)
        self._thread.start()

    async def _read(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        return await self._call(((sql, parameters),), writes=False)

    async def _write(self, sql: str, parameters: tuple, *statements: tuple[str, tuple]) -> list[tuple]:
        """Committed before returning: an acknowledged write survives a crash.

        Runs `sql`, then any further (sql, parameters) `statements`, all or none; returns the last
        one's rows.
        """
        return await self._call(((sql, parameters), *statements), writes=True)

    async def _call(self, statements: tuple[tuple[str, tuple], ...], *, writes: bool) -> list[tuple]:
        if not self._thread.is_alive():
            raise sqlite3.ProgrammingError("the store is closed")
        call = _Call(statements, writes, asyncio.get_running_loop().create_future())
        self._calls.put(call)
        return await call.future

    def _serve(self) -> None:
        """The connection's thread: runs calls in order, consecutive writes in one transaction."""
        while (call := self._calls.get()) is not None:
            waiting = [call]
            while len(waiting) < MAX_GROUP:
                try:
                    later = self._calls.get_nowait()
                except queue.Empty:
                    break
                if later is None:
                    self._calls.put(None)  # stop once these are answered
                    break
                waiting.append(later)
            group: list[_Call] = []
            for each in waiting:
                if each.writes:
                    group.append(each)
                    continue
                self._commit(group)
                group = []
                try:
                    rows = self._run(each)
                except Exception as error:  # noqa: BLE001 - handed to the caller
                    self._settle(each, error=error)
                else:
                    self._settle(each, rows)
            self._commit(group)
        self._connection.close()

    def _run(self, call: _Call) -> list[tuple]:
        rows: list[tuple] = []
        for sql, parameters in call.statements:
            rows = self._connection.execute(sql, parameters).fetchall()
        return rows

    def _commit(self, group: list[_Call]) -> None:
        """One transaction for the group; each call in a savepoint, so a failing one is undone alone."""
        if not group:
            return
        outcomes: list[tuple[list[tuple] | None, BaseException | None]] = []
        try:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                for call in group:
                    self._connection.execute("SAVEPOINT call")
                    try:
                        outcomes.append((self._run(call), None))
                    except sqlite3.Error as error:
                        self._connection.execute("ROLLBACK TO call")
                        outcomes.append((None, error))
                    self._connection.execute("RELEASE call")
                self._connection.execute("COMMIT")
            except BaseException:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                raise
        except Exception as error:  # noqa: BLE001 - a locked or broken file: every call hears it
            outcomes = [(None, error)] * len(group)
        for call, (rows, error) in zip(group, outcomes):
            self._settle(call, rows, error)

    @staticmethod
    def _settle(call: _Call, result: list[tuple] | None = None, error: BaseException | None = None) -> None:
        """Hand the call's rows or error to its caller, on the caller's event loop."""
        def resolve() -> None:
            if call.future.done():
                return
            if error is not None:
                call.future.set_exception(error)
            else:
                call.future.set_result(result)

        try:
            call.future.get_loop().call_soon_threadsafe(resolve)
        except RuntimeError:  # the caller's loop is closed: nobody is waiting
            pass

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
        """Answers the calls already made, then closes the file."""
        if self._thread.is_alive():
            self._calls.put(None)
            await asyncio.to_thread(self._thread.join)
