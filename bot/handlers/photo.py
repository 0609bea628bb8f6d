"""A photo (or image file) in; what it shows, its moods and song buttons out."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from recommender.photo_model import SOURCE_SIDE

from ..downloads import Refused, download, image_file
from ..photos import PhotoError, PhotoProblem
from ..services import BotContext
from ..state import AnswerState
from ..texts import text
from .answering import new_token, publish_answer
from .common import AlreadyApologised, listener_of, reply, show_working

PROBLEM_TEXT = {
    PhotoProblem.NOT_AN_IMAGE: "not_an_image",
    PhotoProblem.CORRUPT: "corrupt",
    PhotoProblem.TOO_SMALL: "too_small",
    PhotoProblem.UNSUPPORTED: "unsupported",
    PhotoProblem.TOO_LARGE: "too_many_pixels",
}


async def on_photo(update: Update, context: BotContext) -> None:
    """Download, read, recommend, reply — the status message becomes the answer, or the apology."""
    message, services, trace = update.effective_message, context.services, context.trace
    listener = await listener_of(update, context)
    if not await services.store.hit(f"photo:{listener.user}", 60, services.photos_per_minute):
        services.metrics.rate_limited.inc()
        trace.refuse("slow_down")
        await reply(message, "slow_down", listener.language, limit=services.photos_per_minute)
        return
    status = await show_working(update, context, listener.language)
    try:
        turn = services.reader.azure_turn()  # the device alone reads a smaller size of the photo
        with trace.stage("download"):
            data = await download(context.bot, *image_file(message, None if turn is None else SOURCE_SIDE))
        with trace.stage("caption"):
            async with services.decodes.slot(listener.user, data):
                reading = await services.reader.read(data, message.caption, turn)
        del data  # photos live in memory only as long as needed
        trace.source = reading.source.value
        hint = reading.affect_hint
        state = AnswerState(reading.description, listener.user, seen=reading.shown, source=reading.source.value,
                            user_words=reading.user_words, affect_hint=(hint.valence, hint.arousal, hint.weight))
        with trace.stage("recommend"):
            suggestion = await services.answer_for(state, listener)
        with trace.stage("reply"):
            trace.degraded = not await publish_answer(status, services, new_token(), state, suggestion,
                                                      listener.language)
    except (Refused, PhotoError) as refusal:
        key = refusal.key if isinstance(refusal, Refused) else PROBLEM_TEXT[refusal.reason]
        trace.refuse(key)
        await status.edit_text(text(key, listener.language), parse_mode=ParseMode.HTML)
        return
    except Exception as error:
        await status.edit_text(text("error", listener.language))
        raise AlreadyApologised() from error
