"""👍/👎 votes on answers, kept in SQLite so they survive restarts and can be evaluated.

The Telegram user id is never stored in clear: a keyed hash (HMAC-SHA256 with a
per-installation secret) lets votes be grouped per user without identifying anyone.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
import threading
import time
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS votes (
    answer TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    moods TEXT NOT NULL,
    voted_at REAL NOT NULL,
    PRIMARY KEY (answer, user_hash)
)
"""


class FeedbackStore:
    """One vote per user and answer (a change of mind replaces it); writes are transactions."""

    def __init__(self, directory: Path):
        directory.mkdir(parents=True, exist_ok=True)
        self._key = _secret(directory / "feedback.key")
        self._connection = sqlite3.connect(directory / "feedback.sqlite3", check_same_thread=False)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute(SCHEMA)
        self._lock = threading.Lock()

    def user_hash(self, user_id: int) -> str:
        return hmac.new(self._key, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]

    def record(self, answer: str, user_id: int, vote: int, moods: tuple[tuple[str, ...], ...]) -> None:
        with self._lock, self._connection:
            self._connection.execute(
                "INSERT OR REPLACE INTO votes VALUES (?, ?, ?, ?, ?)",
                (answer, self.user_hash(user_id), vote, json.dumps([list(m) for m in moods]), time.time()),
            )

    def votes(self) -> list[tuple[str, str, int, str]]:
        with self._lock:
            return self._connection.execute("SELECT answer, user_hash, vote, moods FROM votes").fetchall()

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def _secret(path: Path) -> bytes:
    if not path.exists():
        path.write_bytes(secrets.token_bytes(32))
        path.chmod(0o600)
    return path.read_bytes()
