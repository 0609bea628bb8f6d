"""Small helpers every handler shares: the user's language and the 'working' status."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ChatAction, ParseMode

from ..texts import language_for, text


def language_of(update: Update) -> str:
    user = update.effective_user
    return language_for(user.language_code if user else None)


async def show_working(message: Message, language: str, key: str = "working") -> Message:
    """Typing indicator plus a status message that later becomes the answer."""
    await message.chat.send_action(ChatAction.TYPING)
    return await message.reply_text(text(key, language), parse_mode=ParseMode.HTML)


async def reply(message: Message, key: str, language: str, **values: object) -> None:
    await message.reply_text(text(key, language, **values), parse_mode=ParseMode.HTML)


class AlreadyApologised(Exception):
    """Raised after the user was told something went wrong, so the error handler only logs."""
