"""The one place unexpected failures go: log with traceback, apologise, keep serving."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from ..texts import language_for, text
from .common import AlreadyApologised

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log what broke; tell the user unless a handler already did."""
    error = context.error
    if getattr(context, "trace", None):
        context.trace.outcome = "error"
    log.error("update failed", exc_info=(type(error), error, error.__traceback__) if error else None)
    if isinstance(error, AlreadyApologised) or not isinstance(update, Update):
        return
    user = update.effective_user
    language = language_for(user.language_code if user else None)
    try:
        if update.callback_query:
            await update.callback_query.answer(text("error", language))
        elif update.effective_chat:
            await context.bot.send_message(update.effective_chat.id, text("error", language))
    except TelegramError:
        log.warning("could not apologise to the user", exc_info=True)
