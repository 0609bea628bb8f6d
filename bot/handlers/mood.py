"""/mood <words>: songs for a vibe described in words, no photo needed."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from recommender import RecommenderError

from ..answers import AnswerState
from ..keyboards import answer_text, mood_header, song_keyboard
from ..services import BotContext
from ..texts import text
from .common import language_of, reply, show_working


async def on_mood(update: Update, context: BotContext) -> None:
    """Treat the words after /mood as the photo's description."""
    message, language = update.effective_message, language_of(update)
    words = " ".join(context.args or [])
    if not words.strip():
        await reply(message, "mood_usage", language)
        return
    status = await show_working(message, language, "working_mood")
    try:
        suggestion = await context.services.suggest(words)
    except RecommenderError:
        await status.edit_text(text("mood_usage", language), parse_mode=ParseMode.HTML)
        return
    token = context.services.answers.remember(AnswerState.of(words, None, suggestion))
    await status.edit_text(answer_text(suggestion, language, mood_header(words, language)),
                           parse_mode=ParseMode.HTML, reply_markup=song_keyboard(suggestion, token, language))
