"""The step photo, /mood and steering share: remember the state, show the answer with its buttons."""

from __future__ import annotations

import secrets

from telegram import Message
from telegram.constants import ParseMode

from recommender import Suggestion

from ..edge.context import BotContext
from ..state import AnswerState, StoreUnavailable
from ..views.fitting import fit_answer
from ..views.keyboards import answer_keyboard, song_links_keyboard
from ..views.messages import answer_text, header_lines
from ..views.texts import text


def new_token() -> str:
    """8 URL-safe characters: fits callback data, unguessable enough to make forging pointless."""
    return secrets.token_urlsafe(6)


async def publish_answer(message: Message, context: BotContext, state: AnswerState, suggestion: Suggestion,
                         language: str, token: str | None = None) -> None:
    """Turn `message` (the status, or an earlier answer) into this answer, bound to its chat, then
    save the state under `token` (a new one for a new answer). If the store is unreachable the
    answer goes out with its song links only, saying the other buttons are unavailable, and the
    update is marked degraded."""
    services, token = context.services, token or new_token()
    songs = list(suggestion.songs)
    state.moods = [list(mood.labels) for mood in suggestion.moods]
    state.show(message.message_id, songs)
    state.chat = state.chat or services.users.of(message.chat_id)
    try:
        await services.store.put_answer(token, state)
        keyboard, note = answer_keyboard(songs, token, language), []
    except StoreUnavailable:
        context.trace.degraded = True
        keyboard, note = song_links_keyboard(songs), [text("buttons_unavailable", language)]
    body = fit_answer(lambda fitted: answer_text(suggestion, language, header_lines(fitted, language) + note), state)
    await message.edit_text(body, parse_mode=ParseMode.HTML, reply_markup=keyboard)
