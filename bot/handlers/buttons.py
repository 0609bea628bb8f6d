"""Presses on 'more songs' and 👍/👎; anything unknown, stale or forged gets a polite toast."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from ..keyboards import more_songs_text, parse_button, song_keyboard
from ..services import BotContext
from ..texts import text
from .common import language_of


async def on_button(update: Update, context: BotContext) -> None:
    """Route a press to its action once its token is known to be ours and alive."""
    query, language = update.callback_query, language_of(update)
    press = parse_button(query.data)
    state = context.services.answers.get(press.token) if press else None
    if state is None:
        await query.answer(text("expired", language), show_alert=False)
        return
    if press.action == "more":
        await _more_songs(update, context, press.token, state, language)
    else:
        vote = 1 if press.action == "up" else -1
        context.services.feedback.record(press.token, update.effective_user.id, vote, state.moods)
        await query.answer(text("thanks_up" if vote > 0 else "thanks_down", language))


async def _more_songs(update: Update, context: BotContext, token: str, state, language: str) -> None:
    """Next songs for the same description: no Azure call, nothing shown before."""
    suggestion = await context.services.suggest(state.description, state.affect_hint, exclude=state.shown)
    if not suggestion.songs:
        await update.callback_query.answer(text("no_more", language))
        return
    state.shown.update(song.id for song in suggestion.songs)
    await update.callback_query.answer()
    await update.effective_message.reply_text(more_songs_text(suggestion, language), parse_mode=ParseMode.HTML,
                                              reply_markup=song_keyboard(suggestion, token, language))
