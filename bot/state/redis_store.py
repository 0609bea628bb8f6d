"""The shared store on Redis: several bot instances see the same buttons, feedback, settings and limits.

Keys, all under one namespace ("storytune" unless told otherwise):
  <ns>:answer:<token>   string, the AnswerState JSON, expiring when the answer does
  <ns>:votes:<user>     hash, answer token -> {"vote", "moods", "at"} JSON: one vote per user and answer
  <ns>:dislikes:<user>  sorted set of song ids, scored by when they were disliked
  <ns>:settings:<user>  hash: language (absent = follow Telegram's), previews_only ("0"/"1")
  <ns>:feedback_users   set of users with votes or dislikes, so an export needs no SCAN
  <ns>:hits:<key>       the key's event count in its current fixed window, expiring with the window
  <ns>:update:<id>      a fetched update's JSON until handled, then "done"; expires after UPDATE_MEMORY_SECONDS
  <ns>:pending_updates  sorted set of update ids not yet handled, scored by when they were last claimed

Every call returns only once Redis has replied, so an acknowledged write is in Redis; whether it
outlives a Redis restart is Redis's persistence setting (appendonly yes), not this module's.
Needs Redis >= 7.0 (PEXPIRE NX).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import redis.asyncio
import redis.exceptions

from ..errors import StoreUnavailable
from .base import ANSWER_TTL_SECONDS, UPDATE_MEMORY_SECONDS, AnswerState, Preferences, Settings, label_weights


class RedisUnavailable(StoreUnavailable):
    """Redis could not be reached or did not answer in time; the message names the server, never its password."""


class RedisStore:
    """``connections`` bounds the pool; a burst of callers beyond it waits up to ``timeout`` for a free one.

    Why a blocking pool: redis-py's default pool raises "Too many connections" at once when
    more calls are in flight than it has connections (100), which under a burst of photos
    failed updates that a millisecond's wait would have served.
    """

    def __init__(self, url: str, *, answer_ttl: float = ANSWER_TTL_SECONDS, namespace: str = "storytune",
                 timeout: float = 5.0, connections: int = 64):
        pool = redis.asyncio.BlockingConnectionPool.from_url(
            url, max_connections=connections, timeout=timeout, decode_responses=True,
            socket_connect_timeout=timeout, socket_timeout=timeout)
        self._client = redis.asyncio.Redis.from_pool(pool)
        self._where = _without_password(url)
        self._answer_ttl = answer_ttl
        self._ns = namespace

    @contextmanager
    def _talking(self) -> Iterator[None]:
        try:
            yield
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as error:
            raise RedisUnavailable(f"state store Redis at {self._where} is unavailable: {error}") from error

    def _key(self, *parts: str) -> str:
        return ":".join((self._ns, *parts))

    async def put_answer(self, token: str, state: AnswerState) -> None:
        left_ms = int((self._answer_ttl - (time.time() - state.created)) * 1000)
        with self._talking():
            if left_ms > 0:
                await self._client.set(self._key("answer", token), state.to_json(), px=left_ms)
            else:
                await self._client.delete(self._key("answer", token))

    async def get_answer(self, token: str) -> AnswerState | None:
        with self._talking():
            raw = await self._client.get(self._key("answer", token))
        return AnswerState.from_json(raw) if raw is not None else None

    async def record_vote(self, token: str, user: str, vote: int, moods: list[list[str]]) -> None:
        if vote not in (-1, 1):
            raise ValueError(f"a vote is -1 or 1, not {vote!r}")
        entry = json.dumps({"vote": vote, "moods": moods, "at": time.time()})
        with self._talking():
            async with self._client.pipeline(transaction=True) as pipe:
                await (pipe.hset(self._key("votes", user), token, entry)
                       .sadd(self._key("feedback_users"), user).execute())

    async def dislike_song(self, user: str, song_id: str) -> None:
        with self._talking():
            async with self._client.pipeline(transaction=True) as pipe:
                await (pipe.zadd(self._key("dislikes", user), {song_id: time.time()})
                       .sadd(self._key("feedback_users"), user).execute())

    async def preferences(self, user: str) -> Preferences:
        with self._talking():
            async with self._client.pipeline(transaction=True) as pipe:
                votes, songs = await (pipe.hvals(self._key("votes", user))
                                      .zrange(self._key("dislikes", user), 0, -1).execute())
        entries = [json.loads(raw) for raw in votes]
        return Preferences(frozenset(songs), label_weights([(e["vote"], e["moods"]) for e in entries]))

    async def settings(self, user: str) -> Settings:
        with self._talking():
            fields = await self._client.hgetall(self._key("settings", user))
        return Settings(fields.get("language"), fields.get("previews_only") == "1") if fields else Settings()

    async def save_settings(self, user: str, settings: Settings) -> None:
        fields = {"previews_only": int(settings.previews_only)}
        if settings.language is not None:
            fields["language"] = settings.language
        key = self._key("settings", user)
        with self._talking():
            async with self._client.pipeline(transaction=True) as pipe:
                await pipe.delete(key).hset(key, mapping=fields).execute()

    async def export_feedback(self) -> list[dict]:
        """The same rows as SQLiteStore's: all votes by time, then all song dislikes by time."""
        with self._talking():
            users = sorted(await self._client.smembers(self._key("feedback_users")))
            async with self._client.pipeline(transaction=True) as pipe:
                for user in users:
                    pipe.hgetall(self._key("votes", user))
                    pipe.zrange(self._key("dislikes", user), 0, -1, withscores=True)
                replies = await pipe.execute()
        votes, dislikes = [], []
        for user, user_votes, user_dislikes in zip(users, replies[::2], replies[1::2]):
            for answer, raw in user_votes.items():
                entry = json.loads(raw)
                votes.append({"kind": "answer_vote", "answer": answer, "user": user, "vote": entry["vote"],
                              "moods": json.dumps(entry["moods"]), "song_id": "", "at": entry["at"]})
            dislikes += [{"kind": "song_dislike", "answer": "", "user": user, "vote": -1, "moods": "",
                          "song_id": song_id, "at": at} for song_id, at in user_dislikes]
        return sorted(votes, key=lambda row: row["at"]) + sorted(dislikes, key=lambda row: row["at"])

    async def hit(self, key: str, window_seconds: float, limit: int) -> bool:
        """Fixed window opened by the key's first event (INCR, then PEXPIRE NX in one MULTI).

        NX sets the expiry only on a counter that has none, so refused events never push it back.
        """
        counter = self._key("hits", key)
        with self._talking():
            async with self._client.pipeline(transaction=True) as pipe:
                pipe.incr(counter).pexpire(counter, max(1, int(window_seconds * 1000)), nx=True)
                count, _ = await pipe.execute()
        return count <= limit

    async def keep_update(self, update_id: int, raw: str) -> bool:
        """SET NX and ZADD in one script: a redelivered update finds its key and is not kept twice."""
        with self._talking():
            kept = await self._client.eval(
                "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then "
                "redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4]) return 1 end return 0",
                2, self._key("update", str(update_id)), self._key("pending_updates"),
                raw, int(UPDATE_MEMORY_SECONDS), time.time(), update_id)
        return kept == 1

    async def note_update(self, update_id: int, raw: str) -> None:
        with self._talking():
            await self._client.eval(
                "local old = redis.call('GET', KEYS[1]) "
                "if old and old ~= 'done' then redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL') end return 0",
                1, self._key("update", str(update_id)), raw)

    async def finish_update(self, update_id: int) -> None:
        with self._talking():
            async with self._client.pipeline(transaction=True) as pipe:
                await (pipe.set(self._key("update", str(update_id)), "done", ex=int(UPDATE_MEMORY_SECONDS))
                       .zrem(self._key("pending_updates"), update_id).execute())

    async def reclaim_updates(self, lease_seconds: float) -> list[str]:
        """One script: claim the stale ids (score = now) and return their JSON, so two instances never
        take the same update."""
        now = time.time()
        with self._talking():
            raws = await self._client.eval(
                "local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1]) local out = {} "
                "for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], ARGV[2], id) "
                "local raw = redis.call('GET', ARGV[3] .. id) "
                "if raw and raw ~= 'done' then table.insert(out, raw) else redis.call('ZREM', KEYS[1], id) end end "
                "return out",
                1, self._key("pending_updates"), now - lease_seconds, now, self._key("update", ""))
        return sorted(raws, key=lambda raw: json.loads(raw)["update_id"])

    async def close(self) -> None:
        await self._client.aclose()


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]).geturl()
