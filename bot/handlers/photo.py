"""A photo (or image file) in; what it shows, its moods and song buttons out."""

from __future__ import annotations

import asyncio

from telegram import Update

from ..answers import Listener, photo_state
from ..edge.context import BotContext
from ..edge.downloads import download, image_file
from ..reading import PhotoReading
from .answering import publish_answer
from .common import listener_of, reply, show_working


async def on_photo(update: Update, context: BotContext) -> None:
    """Download, read, recommend, reply: the status message becomes the answer (or says what went wrong)."""
    services, trace = context.services, context.trace
    listener = await listener_of(update, context)
    if not await _within_limit(update, context, listener):
        return
    # The status goes out while the photo downloads: under a burst its round trip no longer holds up
    # the download and the image model behind it. A failure waits for it, so the error handler has a
    # status to edit instead of leaving "Listening..." behind.
    working = asyncio.ensure_future(show_working(update, context, listener.language))
    try:
        reading = await _read(update, context, listener)
    except BaseException:
        await asyncio.gather(working, return_exceptions=True)
        raise
    status = await working
    trace.source = reading.source.value
    state = photo_state(reading, listener.user)
    with trace.stage("recommend"):
        suggestion = await services.answers.suggest(state, listener)
    with trace.stage("reply"):
        await publish_answer(status, context, state, suggestion, listener.language)


async def _read(update: Update, context: BotContext, listener: Listener) -> PhotoReading:
    """Download the photo and read it: on the device, with Azure's caption, the user's own words."""
    message, services, trace = update.effective_message, context.services, context.trace
    turn = services.reader.azure_turn()  # the device alone reads a smaller size of the photo
    with trace.stage("download"):
        data = await download(context.bot, *image_file(message, services.reader.download_side(turn)))
    with trace.stage("caption"):
        async with services.decodes.slot(listener.user, data):
            return await services.reader.read(data, message.caption, turn)


async def _within_limit(update: Update, context: BotContext, listener: Listener) -> bool:
    """At most photos_per_minute photos a user; one more is asked to slow down, not queued."""
    services = context.services
    if await services.store.hit(f"photo:{listener.user}", 60, services.photos_per_minute):
        return True
    services.metrics.rate_limited.inc()
    context.trace.refuse("slow_down")
    await reply(update.effective_message, "slow_down", listener.language, limit=services.photos_per_minute)
    return False
