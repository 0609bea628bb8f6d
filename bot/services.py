"""The long-lived things the handlers use, created once at start and closed at shutdown."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from cachetools import TTLCache
from telegram import Update
from telegram.ext import CallbackContext, ExtBot

from recommender import (
    AffectHint,
    MoodPreferences,
    Recommender,
    RecommenderError,
    Suggestion,
    SuggestRequest,
    checked_text,
)
from recommender.index import default_data_dir
from recommender.photo_model import PhotoModel

from .batching import MicroBatcher
from .config import Config
from .reading.decode_gate import DecodeGate
from .edge.journal import UpdateJournal
from .observability import Metrics, Trace
from .previews import DeezerPreviews, Preview, PreviewError, PreviewProblem
from .reading import AzureQuota, PhotoReader
from .state import AnswerState, Settings, ShownSong, StateStore, UserKeys
from .state.fail_soft import FailSoftStore
from .state.sqlite import SQLiteStore
from .views.texts import language_for
from .reading.vision import AzureVision

log = logging.getLogger(__name__)

SONGS_PER_ANSWER = 8
# Image decoding and model calls get their own threads (the native code inside releases the GIL),
# so quick store calls on the default executor never queue behind them.
CPU_WORKERS = 3
INLINE_CACHE_SECONDS = 300
PREVIEW_CHECK_SECONDS = 4.0


@dataclass(frozen=True)
class Listener:
    """Who pressed or sent something: their keyed id, settings and reply language."""

    user: str
    settings: Settings
    language: str


@dataclass
class Services:
    recommender: Recommender
    vision: AzureVision | None
    previews: DeezerPreviews
    http: aiohttp.ClientSession
    store: StateStore
    users: UserKeys
    batcher: MicroBatcher
    metrics: Metrics
    cpu: ThreadPoolExecutor
    reader: PhotoReader
    photos_per_minute: int = 10
    inline_results: TTLCache = field(default_factory=lambda: TTLCache(maxsize=2048, ttl=INLINE_CACHE_SECONDS))
    traces: dict[int, Trace] = field(default_factory=dict)  # update id -> its trace, while it is handled
    journal: UpdateJournal | None = None
    decodes: DecodeGate = field(default_factory=DecodeGate)

    async def listener(self, update: Update) -> Listener:
        user = update.effective_user
        key = self.users.of(user.id if user else 0)
        settings = await self.store.settings(key)
        return Listener(key, settings, settings.language or language_for(user.language_code if user else None))

    async def answer_for(self, state: AnswerState, listener: Listener) -> Suggestion:
        """Songs not yet shown for this photo nor disliked, steered and weighted by the user's taste.

        The recommender runs in a worker thread, batched with requests arriving at the same
        moment, so one slow answer never blocks other chats.
        """
        preferences = await self.store.preferences(listener.user)
        wanted = SONGS_PER_ANSWER * (2 if listener.settings.previews_only else 1)
        suggestion = await self.batcher.submit(SuggestRequest(
            state.description, songs=wanted, exclude=frozenset(state.shown) | preferences.disliked_songs,
            affect_hint=AffectHint(*state.affect_hint) if state.affect_hint else None,
            affect_shift=state.shift,
            preferences=MoodPreferences(preferences.label_weights) if preferences.label_weights else None))
        if listener.settings.previews_only:
            return await self._with_previews(suggestion)
        return suggestion

    async def preview(self, song: ShownSong) -> Preview:
        """Fetched at tap time: Deezer's preview links are signed and short-lived."""
        if song.id.startswith("dz") and song.id[2:].isdigit():
            return await self.previews.preview_for_track(int(song.id[2:]))
        return await self.previews.preview_for_song(song.artist, song.title)

    async def _with_previews(self, suggestion: Suggestion) -> Suggestion:
        """Keep songs that have a preview; if Deezer can't tell in time, or none has one, keep them all."""
        checks = asyncio.gather(*(self.preview(song) for song in shown_songs(suggestion)), return_exceptions=True)
        try:
            results = await asyncio.wait_for(checks, PREVIEW_CHECK_SECONDS)
        except TimeoutError:
            return _first(suggestion, suggestion.songs)
        if any(isinstance(r, PreviewError) and r.kind is PreviewProblem.UNAVAILABLE for r in results):
            return _first(suggestion, suggestion.songs)
        playable = [song for song, r in zip(suggestion.songs, results) if isinstance(r, Preview)]
        return _first(suggestion, playable or suggestion.songs)


def _first(suggestion: Suggestion, songs) -> Suggestion:
    """The suggestion with only the first SONGS_PER_ANSWER of `songs`."""
    return Suggestion(suggestion.text, suggestion.moods, tuple(songs)[:SONGS_PER_ANSWER], suggestion.valence,
                      suggestion.arousal)


def batch_suggester(recommender: Recommender):
    """What the micro-batcher runs: each request checked alone, the valid ones embedded together."""

    def run(requests: list[SuggestRequest]) -> list[Suggestion | RecommenderError]:
        results: list[Suggestion | RecommenderError | None] = [None] * len(requests)
        valid = []
        for position, request in enumerate(requests):
            try:
                checked_text(request.text)
                valid.append(position)
            except RecommenderError as error:
                results[position] = error
        for position, suggestion in zip(valid, recommender.suggest_requests([requests[p] for p in valid])):
            results[position] = suggestion
        return results

    return run


def shown_songs(suggestion: Suggestion) -> list[ShownSong]:
    return list(suggestion.songs)


async def open_services(config: Config, metrics: Metrics | None = None) -> Services:
    started = time.perf_counter()
    recommender = await asyncio.to_thread(Recommender.load, config.data_dir)
    http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=max(config.azure_time_budget, 10)))
    vision = None
    if config.azure_configured:
        vision = AzureVision(http, config.azure_endpoint, config.azure_key, time_budget=config.azure_time_budget,
                             wait_when_throttled=False)
    else:
        log.warning("AZURE_VISION_ENDPOINT/AZURE_VISION_KEY not set: photos are read by the on-device model")
    metrics = metrics or Metrics()
    store = FailSoftStore(open_store(config), metrics)
    users = UserKeys(config.user_key.encode() if config.user_key else _local_secret(config.state_dir / "user.key"))
    cpu = ThreadPoolExecutor(max_workers=CPU_WORKERS, thread_name_prefix="storytune-cpu")
    reader = PhotoReader(vision=vision, model=await asyncio.to_thread(load_photo_model, config.data_dir),
                         quota=AzureQuota(config.azure_calls_per_minute), executor=cpu, metrics=metrics)
    services = Services(recommender, vision, DeezerPreviews(http, config.deezer_api_base_url), http, store, users,
                        MicroBatcher(batch_suggester(recommender), executor=cpu), metrics, cpu, reader,
                        config.photos_per_minute)
    log.info("services ready in %.2f s", time.perf_counter() - started)
    return services


def load_photo_model(data_dir: Path | None) -> PhotoModel | None:
    """The on-device image model, or None (photos then fall back to their colours) when its
    files are missing or broken: the bot still answers."""
    started = time.perf_counter()
    try:
        model = PhotoModel.load(data_dir or default_data_dir())
    except Exception as error:  # missing, truncated or foreign files: onnxruntime raises its own types
        log.error("the on-device image model could not load (%s); photos without Azure are read by their "
                  "colours only. Run `python -m recommender build`.", error)
        return None
    log.info("on-device image model %s loaded in %.2f s", model.name, time.perf_counter() - started)
    return model


def open_store(config: Config) -> StateStore:
    """Redis when REDIS_URL is set (several instances share state), else the embedded SQLite file.

    Redis gets a connection per update handled at once, so a full burst never queues for one.
    """
    if config.redis_url:
        from .state.redis_store import RedisStore

        return RedisStore(config.redis_url, connections=config.concurrent_updates)
    return SQLiteStore(config.state_dir / "storytune.sqlite3")


async def close_services(services: Services) -> None:
    services.cpu.shutdown(wait=True)
    await services.http.close()
    await services.store.close()


def _local_secret(path: Path) -> bytes:
    """A per-installation key for hashing user ids (set STORYTUNE_USER_KEY to share one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(secrets.token_bytes(32))
        path.chmod(0o600)
    return path.read_bytes()


SERVICES_KEY = "storytune.services"


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    """PTB's context (one per update) with one typed way to reach the services, and the update's trace."""

    trace: Trace

    @property
    def services(self) -> Services:
        return self.bot_data[SERVICES_KEY]
