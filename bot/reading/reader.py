"""From photo bytes (and the user's caption) to one reading: the words we say we saw, the description
the recommender reads, where it came from, and the photo's affect.

Azure's caption gives the content when Azure is configured, within its quota and answering;
the on-device image model reads every photo's feeling from its pixels, and its content
whenever Azure doesn't; the colours are the last fallback, when the model cannot run.
"""

from __future__ import annotations

import asyncio
import collections
import enum
import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Literal

from recommender import AffectHint
from recommender.photo_model import SOURCE_SIDE, PhotoContent, PhotoModel, model_crop

from ..batching import MicroBatcher
from .colours import read_colours
from .photos import PreparedPhoto, prepare_photo
from .vision import AzureVision, VisionError, VisionProblem

log = logging.getLogger(__name__)

# How much the pixels' affect counts next to the words' own, by which words the recommender
# reads; and how far the pixels' estimate is stretched (a ridge head's predictions are shrunk
# towards the mean). Chosen on OASIS with out-of-fold heads: benchmarks/photo_affect.py.
PIXEL_WEIGHT = {"azure": 0.5, "user": 0.5, "device": 0.7}
PIXEL_GAIN = 1.5
# The colours' weight when the model cannot run (as before the image model).
COLOUR_WEIGHT = {"azure": 0.2, "user": 0.35, "colours": 0.8}


class CaptionSource(enum.Enum):
    AZURE = "azure"  # Azure's caption (+ the user's words)
    DEVICE = "device"  # the on-device model's words (+ the user's words)
    USER = "user"  # the user's words, the model unavailable: colours give the feeling
    COLOURS = "colours"  # nothing but the colours


class DeviceReason(enum.Enum):
    """Why a photo was read on the device rather than by Azure (a metrics label)."""

    NO_AZURE = "no_azure"
    QUOTA = "quota"
    THROTTLED = "throttled"
    FAILED = "failed"


@dataclass(frozen=True)
class PhotoReading:
    """description: what the recommender reads; seen: what we tell the user we saw."""

    description: str
    seen: str
    source: CaptionSource
    affect_hint: AffectHint
    user_words: str = ""


class AzureQuota:
    """At most calls_per_minute Azure calls in any 60 s, and none while Azure asked us to wait
    (a 429's Retry-After): photos beyond it are read on the device at once."""

    def __init__(self, calls_per_minute: int, clock=time.monotonic):
        self._limit, self._clock = calls_per_minute, clock
        self._calls: collections.deque[float] = collections.deque()
        self._paused_until = 0.0

    def take(self) -> bool:
        now = self._clock()
        if now < self._paused_until:
            return False
        while self._calls and self._calls[0] <= now - 60.0:
            self._calls.popleft()
        if len(self._calls) >= self._limit:
            return False
        self._calls.append(now)
        return True

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, self._clock() + max(seconds, 1.0))


class PhotoReader:
    """One job: photo bytes + optional caption -> PhotoReading. Shared by every chat; the
    image model's calls from photos in flight are batched together."""

    def __init__(self, *, vision: AzureVision | None, model: PhotoModel | None, quota: AzureQuota | None = None,
                 executor: Executor | None = None, metrics=None,
                 read_batch: tuple[Callable, Executor] | None = None):
        """executor: where photos are decoded; read_batch: (model.read or a stand-in for it such as
        bot.compute's, the executor it runs on), default the model's own read on `executor`."""
        self._vision, self._model, self._quota = vision, model, quota
        self._executor, self._metrics = executor, metrics
        read, read_executor = read_batch or (model.read if model is not None else None, executor)
        # Unlike the text encoder's, this model's batches cost more CPU per photo beyond 4 and hold more
        # memory (benchmarks/photo_model_speed.py): small batches, two at once, one per core.
        self._batcher = (MicroBatcher(read, executor=read_executor, max_size=4, max_running=2)
                         if model is not None else None)

    def azure_turn(self) -> DeviceReason | None:
        """Before the photo is downloaded: None when Azure will caption it (its quota call is spent
        now), else why the device alone will read it, which needs only a smaller size of the photo
        (photo_model.SOURCE_SIDE pixels)."""
        if self._vision is None:
            return DeviceReason.NO_AZURE
        if self._quota is not None and not self._quota.take():
            return DeviceReason.QUOTA
        return None

    @staticmethod
    def download_side(turn: DeviceReason | None) -> int | None:
        """The short side the photo must have for this turn: None (the largest) when Azure reads it."""
        return None if turn is None else SOURCE_SIDE

    async def read(self, data: bytes, user_caption: str | None,
                   turn: DeviceReason | None | Literal["ask"] = "ask") -> PhotoReading:
        """turn: what azure_turn() said before the download ("ask": decide now).
        Raises bot.reading.photos.PhotoError when the bytes are not a usable image."""
        photo = await asyncio.get_running_loop().run_in_executor(self._executor, prepare_photo, data)
        content = asyncio.ensure_future(self._content(photo))
        caption, reason = await self._azure_caption(photo.jpeg, self.azure_turn() if turn == "ask" else turn)
        seen = await content
        words = " ".join((user_caption or "").split())
        if seen is None:
            return await self._colour_reading(photo, caption, words)
        if caption:
            return _reading(CaptionSource.AZURE, caption, caption, seen, words, PIXEL_WEIGHT["azure"])
        self._count(reason or DeviceReason.FAILED)
        said = ", ".join(seen.words) or seen.description
        return _reading(CaptionSource.DEVICE, said, seen.description, seen, words,
                        PIXEL_WEIGHT["user" if words else "device"])

    async def _content(self, photo: PreparedPhoto) -> PhotoContent | None:
        if self._batcher is None:
            return None
        try:
            return await self._batcher.submit(model_crop(photo.model_view))
        except Exception:  # a broken model must not cost the answer: the colours remain
            log.exception("the on-device image model failed; reading the colours")
            return None

    async def _azure_caption(self, jpeg: bytes, turn: DeviceReason | None) -> tuple[str | None, DeviceReason | None]:
        """Azure's caption, or None and why there is none."""
        if turn is not None:
            return None, turn
        try:
            return (await self._vision.describe(jpeg)).as_text(), None
        except VisionError as error:
            log.warning("no Azure caption (%s); reading the photo on the device", error.kind.name)
            if error.kind is VisionProblem.THROTTLED:
                if self._quota is not None:
                    self._quota.pause(error.retry_after)
                return None, DeviceReason.THROTTLED
            return None, DeviceReason.FAILED

    async def _colour_reading(self, photo: PreparedPhoto, caption: str | None, words: str) -> PhotoReading:
        colours = await asyncio.get_running_loop().run_in_executor(self._executor, read_colours, photo.thumbnail)
        if caption:
            source, said = CaptionSource.AZURE, caption
            description = f"{caption}. {words}" if words else caption
            weight = COLOUR_WEIGHT["azure"]
        elif words:
            source, said, description, weight = CaptionSource.USER, words, words, COLOUR_WEIGHT["user"]
        else:
            source, said, description = CaptionSource.COLOURS, colours.description, colours.description
            weight = COLOUR_WEIGHT["colours"]
        return PhotoReading(description, said, source, AffectHint(colours.valence, colours.arousal, weight), words)

    def _count(self, reason: DeviceReason) -> None:
        if self._metrics is not None:
            self._metrics.device_readings.labels(reason.value).inc()


def _reading(source: CaptionSource, said: str, text: str, seen: PhotoContent, words: str,
             weight: float) -> PhotoReading:
    description = f"{text}. {words}" if words else text
    hint = AffectHint(PIXEL_GAIN * seen.valence, PIXEL_GAIN * seen.arousal, weight)
    return PhotoReading(description, said, source, hint, words)
