"""Small helpers every handler shares: who is talking, and the 'working' status."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ParseMode

from ..answers import Listener
from ..edge.context import BotContext
from ..views.texts import text


async def listener_of(update: Update, context: BotContext) -> Listener:
    """The sender's keyed id, settings and language (which the error handler answers in, too)."""
    user = update.effective_user
    listener = await context.services.answers.listener(user.id if user else 0, user.language_code if user else None)
    context.trace.language = listener.language
    return listener


async def show_working(update: Update, context: BotContext, language: str, key: str = "working") -> Message:
    """A status message that later becomes the answer — the one already sent, if this update is
    being taken up again after a crash; a new one is noted in the update's journal entry.
    If the update breaks from here on, the error handler edits it to say so.

    No "typing…" action first: Telegram clears it the moment this message arrives, so it
    would cost a request per photo for nothing the user sees.
    """
    message, journal = update.effective_message, context.services.journal
    earlier = journal.status_of(update.update_id) if journal else None
    if earlier is not None:
        status = Message(earlier, message.date, message.chat, from_user=context.bot.bot, text=text(key, language))
        status.set_bot(context.bot)
    else:
        status = await message.reply_text(text(key, language), parse_mode=ParseMode.HTML)
        if journal:
            await journal.note_status(update, status.message_id)
    context.trace.status = status
    return status


async def reply(message: Message, key: str, language: str, **values: object) -> None:
    await message.reply_text(text(key, language, **values), parse_mode=ParseMode.HTML)
