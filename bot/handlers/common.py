"""Small helpers every handler shares: who is talking, and the 'working' status."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ChatAction, ParseMode

from ..services import BotContext, Listener
from ..texts import text


async def listener_of(update: Update, context: BotContext) -> Listener:
    return await context.services.listener(update)


async def show_working(message: Message, language: str, key: str = "working") -> Message:
    """Typing indicator plus a status message that later becomes the answer."""
    await message.chat.send_action(ChatAction.TYPING)
    return await message.reply_text(text(key, language), parse_mode=ParseMode.HTML)


async def reply(message: Message, key: str, language: str, **values: object) -> None:
    await message.reply_text(text(key, language, **values), parse_mode=ParseMode.HTML)


class AlreadyApologised(Exception):
    """Raised after the user was told something went wrong, so the error handler only logs."""
