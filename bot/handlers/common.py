"""Small helpers every handler shares: who is talking, and the 'working' status."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ParseMode

from ..services import BotContext, Listener
from ..texts import text


async def listener_of(update: Update, context: BotContext) -> Listener:
    return await context.services.listener(update)


async def show_working(message: Message, language: str, key: str = "working") -> Message:
    """A status message that later becomes the answer.

    No "typing…" action first: Telegram clears it the moment this message arrives, so it
    would cost a request per photo for nothing the user sees.
    """
    return await message.reply_text(text(key, language), parse_mode=ParseMode.HTML)


async def reply(message: Message, key: str, language: str, **values: object) -> None:
    await message.reply_text(text(key, language, **values), parse_mode=ParseMode.HTML)


class AlreadyApologised(Exception):
    """Raised after the user was told something went wrong, so the error handler only logs."""
