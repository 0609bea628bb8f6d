"""From photo bytes to the words the recommender reads: Azure's caption, the user's, or the colours.

Never silent: whatever fails (Azure down, slow, not configured), the photo's own
colours still give a description and an affect estimate.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from concurrent.futures import Executor
from dataclasses import dataclass

from recommender import AffectHint

from .colours import read_colours
from .photos import prepare_photo
from .vision import AzureVision, VisionError

log = logging.getLogger(__name__)

# How much the colours' affect counts next to the words, by how much the words say.
COLOUR_WEIGHT = {"azure": 0.2, "user": 0.35, "colours": 0.8}


class CaptionSource(enum.Enum):
    AZURE = "azure"
    USER = "user"
    COLOURS = "colours"


@dataclass(frozen=True)
class PhotoReading:
    """description: what the recommender reads; shown: what we tell the user we saw."""

    description: str
    shown: str
    source: CaptionSource
    affect_hint: AffectHint
    user_words: str = ""


async def read_photo(data: bytes, user_caption: str | None, vision: AzureVision | None,
                     executor: Executor | None = None) -> PhotoReading:
    """Decode (off the event loop), caption with Azure when it can, fall back to words and colours.

    Raises bot.photos.PhotoError when the bytes are not a usable image.
    """
    photo, colours = await asyncio.get_running_loop().run_in_executor(executor, _prepared_with_colours, data)
    caption = await _azure_caption(photo.jpeg, vision)
    words = " ".join((user_caption or "").split())
    if caption:
        source, shown = CaptionSource.AZURE, caption
        description = f"{caption}. {words}" if words else caption
    elif words:
        source, shown, description = CaptionSource.USER, words, words
    else:
        source, shown, description = CaptionSource.COLOURS, colours.description, colours.description
    hint = AffectHint(colours.valence, colours.arousal, weight=COLOUR_WEIGHT[source.value])
    return PhotoReading(description, shown, source, hint, words)


def _prepared_with_colours(data: bytes):
    """The CPU part (decode, re-encode, colour maths), run together in one worker thread."""
    photo = prepare_photo(data)
    return photo, read_colours(photo.thumbnail)


async def _azure_caption(jpeg: bytes, vision: AzureVision | None) -> str | None:
    if vision is None:
        return None
    try:
        return (await vision.describe(jpeg)).as_text()
    except VisionError as error:
        log.warning("no Azure caption (%s); falling back", error.kind.name)
        return None
