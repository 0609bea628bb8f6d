"""Inline mode: '@bot rainy sunday in paris' in any chat lists songs to send there."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update
from telegram.constants import ParseMode

from recommender import Suggestion

from ..answers import words_state
from ..edge.context import BotContext
from ..services import INLINE_CACHE_SECONDS
from ..state import ShownSong
from ..views.keyboards import inline_song_keyboard
from ..views.messages import inline_song_text, moods_line
from ..views.texts import text
from .common import listener_of

MAX_QUERY_CHARS = 200


async def on_inline_query(update: Update, context: BotContext) -> None:
    """Songs for the typed vibe; an empty query gets a hint button instead of results."""
    query, listener = update.inline_query, await listener_of(update, context)
    words = " ".join(query.query.split())[:MAX_QUERY_CHARS]
    if not words:
        await query.answer([], cache_time=INLINE_CACHE_SECONDS, is_personal=True,
                           button=InlineQueryResultsButton(text("inline_hint", listener.language),
                                                           start_parameter="inline"))
        return
    cache, key = context.services.inline_results, (words.lower(), listener.language, listener.user)
    results = cache.get(key)
    if results is None:
        suggestion = await context.services.answers.suggest(words_state(words, listener.user), listener)
        results = cache[key] = [_result(song, suggestion, listener.language) for song in suggestion.songs]
    await query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=True)


def _result(song: ShownSong, suggestion: Suggestion, language: str) -> InlineQueryResultArticle:
    moods = moods_line(suggestion, language)
    return InlineQueryResultArticle(
        id=song.id, title=f"{song.artist} — {song.title}", description=moods, url=song.url,
        input_message_content=InputTextMessageContent(inline_song_text(song, moods, language),
                                                      parse_mode=ParseMode.HTML),
        reply_markup=inline_song_keyboard(song))
