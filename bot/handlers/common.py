"""Small helpers every handler shares: who is talking, and the 'working' status."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ParseMode

from ..services import BotContext, Listener
from ..views.texts import text


async def listener_of(update: Update, context: BotContext) -> Listener:
    return await context.services.listener(update)


async def show_working(update: Update, context: BotContext, language: str, key: str = "working") -> Message:
    """A status message that later becomes the answer — the one already sent, if this update is
    being taken up again after a crash; a new one is noted in the update's journal entry.

    No "typing…" action first: Telegram clears it the moment this message arrives, so it
    would cost a request per photo for nothing the user sees.
    """
    message, journal = update.effective_message, context.services.journal
    earlier = journal.status_of(update.update_id) if journal else None
    if earlier is not None:
        status = Message(earlier, message.date, message.chat, from_user=context.bot.bot, text=text(key, language))
        status.set_bot(context.bot)
        return status
    status = await message.reply_text(text(key, language), parse_mode=ParseMode.HTML)
    if journal:
        await journal.note_status(update, status.message_id)
    return status


async def reply(message: Message, key: str, language: str, **values: object) -> None:
    await message.reply_text(text(key, language, **values), parse_mode=ParseMode.HTML)


class AlreadyApologised(Exception):
    """Raised after the user was told something went wrong, so the error handler only logs."""
