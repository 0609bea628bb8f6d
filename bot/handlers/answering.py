"""The step photo, /mood and steering share: remember the state, show the answer with its buttons."""

from __future__ import annotations

import secrets

from telegram import Message
from telegram.constants import ParseMode

from recommender import Suggestion

from ..views.fitting import fit_answer
from ..views.keyboards import answer_keyboard, answer_text, header_lines, song_links_keyboard
from ..services import Services, shown_songs
from ..state import AnswerState, StoreUnavailable
from ..views.texts import text


def new_token() -> str:
    """8 URL-safe characters: fits callback data, unguessable enough to make forging pointless."""
    return secrets.token_urlsafe(6)


async def publish_answer(message: Message, services: Services, token: str, state: AnswerState,
                         suggestion: Suggestion, language: str) -> bool:
    """Turn `message` (the status, or an earlier answer) into this answer, bound to its chat, then
    save the state. False when the store is unreachable: the answer then goes out with its song
    links only, saying the other buttons are unavailable."""
    songs = shown_songs(suggestion)
    state.moods = [list(mood.labels) for mood in suggestion.moods]
    state.show(message.message_id, songs)
    state.chat = state.chat or services.users.of(message.chat_id)
    try:
        await services.store.put_answer(token, state)
        saved, keyboard, note = True, answer_keyboard(songs, token, language), []
    except StoreUnavailable:
        saved, keyboard, note = False, song_links_keyboard(songs), [text("buttons_unavailable", language)]
    body = fit_answer(lambda shown: answer_text(suggestion, language, header_lines(shown, language) + note), state)
    await message.edit_text(body, parse_mode=ParseMode.HTML, reply_markup=keyboard)
    return saved
