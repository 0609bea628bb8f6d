"""/mood <words>: songs for a vibe described in words, no photo needed."""

from __future__ import annotations

from telegram import Update

from recommender import MAX_TEXT_CHARS

from ..answers import words_state
from ..edge.context import BotContext
from .answering import publish_answer
from .common import listener_of, reply, show_working


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
    state = words_state(words, listener.user)
    suggestion = await context.services.answers.suggest(state, listener)
    await publish_answer(status, context, state, suggestion, listener.language)
