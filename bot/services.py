"""The long-lived things the handlers use, created once at start and closed at shutdown."""

from __future__ import annotations

import asyncio
import functools
import logging
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from cachetools import TTLCache

from recommender import Recommender
from recommender.index import default_data_dir
from recommender.photo_model import PhotoModel

from .answers import Answers
from .compute import ComputeWorkers, read_photos, suggest_each
from .batching import MicroBatcher
from .config import Config
from .edge.journal import UpdateJournal
from .observability import Metrics, Trace
from .previews import DeezerPreviews
from .reading import AzureQuota, PhotoReader
from .reading.decode_gate import DecodeGate
from .reading.vision import AzureVision
from .state import StateStore, UserKeys
from .state.fail_soft import FailSoftStore
from .state.sqlite import SQLiteStore

log = logging.getLogger(__name__)

# Image decoding gets its own threads (the native code inside releases the GIL), so quick store calls
# on the default executor never queue behind it; the model calls run there too when there are no
# compute workers (BOT_WORKER_PROCESSES=0) or one has died. Two, not three: with the models in this
# process, the Python between native calls took turns on the GIL and a third thread only added turns
# (a burst of 200 photos over long polling: 112 photos/s with 3 workers, 120 with 2, 96 with 1).
CPU_WORKERS = 2
INLINE_CACHE_SECONDS = 300


@dataclass
class Services:
    """Everything long-lived: one HTTP session, one recommender, one store, one worker pool."""

    answers: Answers
    reader: PhotoReader
    http: aiohttp.ClientSession
    store: StateStore
    users: UserKeys
    metrics: Metrics
    cpu: ThreadPoolExecutor
    compute: tuple[ComputeWorkers, ...]  # the recommender's and the image model's (one, when shared)
    photos_per_minute: int = 10
    inline_results: TTLCache = field(default_factory=lambda: TTLCache(maxsize=2048, ttl=INLINE_CACHE_SECONDS))
    traces: dict[int, Trace] = field(default_factory=dict)  # update id -> its trace, while it is handled
    journal: UpdateJournal | None = None
    decodes: DecodeGate = field(default_factory=DecodeGate)


async def open_services(config: Config, metrics: Metrics | None = None) -> Services:
    started = time.perf_counter()
    # One ONNX Runtime thread per session: the parallelism is the worker processes', and a process
    # forked after a session started its own threads would inherit the pool without the threads.
    recommender = await asyncio.to_thread(functools.partial(Recommender.load, config.data_dir, encoder_threads=1))
    photo_model = await asyncio.to_thread(load_photo_model, config.data_dir)
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
    recommending, seeing = open_compute(config.worker_processes, recommender, photo_model, cpu, metrics)
    reader = PhotoReader(vision=vision, model=photo_model, quota=AzureQuota(config.azure_calls_per_minute),
                         executor=cpu, metrics=metrics,
                         read_batch=(seeing.bind(read_photos), seeing) if photo_model is not None else None)
    answers = Answers(store, users, MicroBatcher(recommending.bind(suggest_each), executor=recommending),
                      DeezerPreviews(http, config.deezer_api_base_url))
    services = Services(answers, reader, http, store, users, metrics, cpu, tuple({recommending, seeing}),
                        config.photos_per_minute)
    log.info("services ready in %.2f s", time.perf_counter() - started)
    return services


def open_compute(processes: int, recommender: Recommender, photo_model: PhotoModel | None, cpu: ThreadPoolExecutor,
                 metrics: Metrics) -> tuple[ComputeWorkers, ComputeWorkers]:
    """Where the recommender's and the image model's batches run: with 2 processes or more, one worker
    for the recommender and the others for the image model, so that only the recommender's ever loads
    the multilingual encoders (~180 MB, on the first French text); with 1, one worker for both; with 0,
    this process's threads."""
    def lane(count: int) -> ComputeWorkers:
        return ComputeWorkers(recommender, photo_model, processes=count, fallback=cpu,
                              on_restart=metrics.worker_restarts.inc)

    if processes >= 2:
        return lane(1), lane(processes - 1)
    shared = lane(processes)
    return shared, shared


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
    for workers in services.compute:
        await asyncio.to_thread(workers.shutdown, wait=True)
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


SERVICES_KEY = "storytune.services"  # where the Application keeps them, in bot_data
