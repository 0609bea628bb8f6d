"""The one place errors become words: a StorytuneError is told to the user in its own text; anything
else is logged with its traceback and apologised for. Either way the update's outcome is recorded."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from ..errors import StorytuneError
from ..observability import APOLOGISED, FAILED, Trace
from ..services import SERVICES_KEY
from ..views.texts import language_for, text

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what stopped the update — why not, or sorry — and record how it ended."""
    error, trace = context.error, _trace_of(update, context)
    if isinstance(error, StorytuneError):
        log.info("update refused: %s", error)
        if trace:
            trace.refuse(error.key)
        await _tell(update, context, trace, error.key)
        return
    log.error("update failed", exc_info=(type(error), error, error.__traceback__) if error else None)
    told = await _tell(update, context, trace, "error")
    if trace:
        trace.break_down(APOLOGISED if told else FAILED, type(error).__name__)


async def _tell(update: object, context: ContextTypes.DEFAULT_TYPE, trace: Trace | None, key: str) -> bool:
    """Edit the update's status message into `key`'s text, or answer the press, or write to the chat.
    False when there was no one to tell or it did not reach them."""
    if not isinstance(update, Update):
        return False
    words = text(key, trace.language if trace and trace.language else _telegram_language(update))
    try:
        if trace and trace.status is not None:
            await trace.status.edit_text(words, parse_mode=ParseMode.HTML)
        elif update.callback_query:
            await _answer_once(update.callback_query, words)
        elif update.effective_chat:
            await context.bot.send_message(update.effective_chat.id, words, parse_mode=ParseMode.HTML)
        else:
            return False
    except TelegramError:
        log.warning("could not tell the user", exc_info=True)
        return False
    return True


async def _answer_once(query, words: str) -> None:
    """Answer the press unless the handler already did (Telegram refuses a second answer)."""
    try:
        await query.answer(words)
    except BadRequest:
        pass


def _telegram_language(update: Update) -> str:
    user = update.effective_user
    return language_for(user.language_code if user else None)


def _trace_of(update: object, context) -> Trace | None:
    services = context.bot_data.get(SERVICES_KEY)
    update_id = getattr(update, "update_id", None)
    return services.traces.get(update_id) if services is not None and update_id is not None else None

