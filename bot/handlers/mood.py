"""/mood <words>: songs for a vibe described in words, no photo needed."""

from __future__ import annotations

from telegram import Update

from recommender import MAX_TEXT_CHARS

from ..services import BotContext
from ..state import AnswerState
from .answering import new_token, publish_answer
from ..views.texts import text
from .common import AlreadyApologised, listener_of, reply, show_working


async def on_mood(update: Update, context: BotContext) -> None:
    """Treat the words after /mood as the photo's description."""
    message, listener = update.effective_message, await listener_of(update, context)
    words = " ".join(context.args or [])
    if not words.strip():
        context.trace.refuse("mood_usage")
        await reply(message, "mood_usage", listener.language)
        return
    if len(words) > MAX_TEXT_CHARS:
        context.trace.refuse("mood_too_long")
        await reply(message, "mood_too_long", listener.language, limit=MAX_TEXT_CHARS)
        return
    status = await show_working(update, context, listener.language, "working_mood")
    state = AnswerState(words, listener.user, seen=words, source="mood")
    try:
        suggestion = await context.services.answer_for(state, listener)
        context.trace.degraded = not await publish_answer(status, context.services, new_token(), state, suggestion,
                                                          listener.language)
    except Exception as error:
        await status.edit_text(text("error", listener.language))
        raise AlreadyApologised() from error
