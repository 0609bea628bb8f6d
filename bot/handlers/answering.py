"""The step photo, /mood and steering share: remember the state, show the answer with its buttons."""

from __future__ import annotations

import secrets

from telegram import Message
from telegram.constants import ParseMode

from recommender import Suggestion

from ..keyboards import answer_keyboard, answer_text, header_lines
from ..services import Services, shown_songs
from ..state import AnswerState


def new_token() -> str:
    """8 URL-safe characters: fits callback data, unguessable enough to make forging pointless."""
    return secrets.token_urlsafe(6)


async def publish_answer(message: Message, services: Services, token: str, state: AnswerState,
                         suggestion: Suggestion, language: str) -> None:
    """Turn `message` (the status, or an earlier answer) into this answer, then save the state."""
    songs = shown_songs(suggestion)
    state.moods = [list(mood.labels) for mood in suggestion.moods]
    state.show(message.message_id, songs)
    await services.store.put_answer(token, state)
    await message.edit_text(answer_text(suggestion, language, header_lines(state, language)),
                            parse_mode=ParseMode.HTML, reply_markup=answer_keyboard(songs, token, language))
