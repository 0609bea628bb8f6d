"""The store as handlers see it: an outage of the shared store degrades the bot instead of failing it.

What has a safe default fails open — settings (Telegram's language), preferences (none), rate
limits (let through) — with a log line and a metric; what has none (an answer's state, votes,
saved settings) raises StoreUnavailable, so the handler leaves buttons off or says they are
unavailable. After a failure the store is not asked again for `retry_after` seconds, so a
store that hangs costs one timeout, not one per update; then the next call tries again, and
the bot recovers by itself once the store is back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from ..observability import Metrics
from ..errors import StoreUnavailable
from .base import AnswerState, Preferences, Settings, StateStore

log = logging.getLogger(__name__)

T = TypeVar("T")


class FailSoftStore:
    def __init__(self, store: StateStore, metrics: Metrics, *, retry_after: float = 2.0):
        self.inner = store  # the SQLite or Redis store itself
        self._metrics = metrics
        self._retry_after = retry_after
        self._down_until = 0.0
        self._down = False

    async def _call(self, operation: str, call: Callable[[], Awaitable[T]]) -> T:
        if self._down and time.monotonic() < self._down_until:
            self._metrics.store_unavailable.labels(operation).inc()
            raise StoreUnavailable("the state store is unavailable (waiting before trying again)")
        try:
            result = await call()
        except OSError as error:  # RedisUnavailable, ConnectionError, TimeoutError
            self._metrics.store_unavailable.labels(operation).inc()
            self._down_until = time.monotonic() + self._retry_after
            if not self._down:
                self._down = True
                self._metrics.store_up.set(0)
                log.warning("state store unavailable, degrading (no buttons, no limits) until it is back: %s", error)
            raise StoreUnavailable(str(error)) from error
        if self._down:
            self._down = False
            self._metrics.store_up.set(1)
            log.warning("state store reachable again")
        return result

    async def _or_default(self, operation: str, call: Callable[[], Awaitable[T]], default: T) -> T:
        try:
            return await self._call(operation, call)
        except StoreUnavailable:
            return default

    async def settings(self, user: str) -> Settings:
        """Fails open: Telegram's language and no preview filter."""
        return await self._or_default("settings", lambda: self.inner.settings(user), Settings())

    async def preferences(self, user: str) -> Preferences:
        """Fails open: the songs are not personalised for the moment."""
        return await self._or_default("preferences", lambda: self.inner.preferences(user), Preferences())

    async def hit(self, key: str, window_seconds: float, limit: int) -> bool:
        """Fails open: an outage must not refuse photos (the per-user limit pauses with it)."""
        return await self._or_default("hit", lambda: self.inner.hit(key, window_seconds, limit), True)

    async def put_answer(self, token: str, state: AnswerState) -> None:
        await self._call("put_answer", lambda: self.inner.put_answer(token, state))

    async def get_answer(self, token: str) -> AnswerState | None:
        return await self._call("get_answer", lambda: self.inner.get_answer(token))

    async def record_vote(self, token: str, user: str, vote: int, moods: list[list[str]]) -> None:
        await self._call("record_vote", lambda: self.inner.record_vote(token, user, vote, moods))

    async def dislike_song(self, user: str, song_id: str) -> None:
        await self._call("dislike_song", lambda: self.inner.dislike_song(user, song_id))

    async def save_settings(self, user: str, settings: Settings) -> None:
        await self._call("save_settings", lambda: self.inner.save_settings(user, settings))

    async def export_feedback(self) -> list[dict]:
        return await self._call("export_feedback", self.inner.export_feedback)

    async def keep_update(self, update_id: int, raw: str) -> bool:
        """Fails open: the update is handled, only not journalled."""
        return await self._or_default("keep_update", lambda: self.inner.keep_update(update_id, raw), True)

    async def note_update(self, update_id: int, raw: str) -> None:
        await self._or_default("note_update", lambda: self.inner.note_update(update_id, raw), None)

    async def finish_update(self, update_id: int) -> None:
        await self._or_default("finish_update", lambda: self.inner.finish_update(update_id), None)

    async def reclaim_updates(self, lease_seconds: float) -> list[str]:
        return await self._or_default("reclaim_updates", lambda: self.inner.reclaim_updates(lease_seconds), [])

    async def close(self) -> None:
        await self.inner.close()
