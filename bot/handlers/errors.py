"""The one place unexpected failures go: log with traceback, apologise, keep serving."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from ..observability import APOLOGISED, FAILED, Trace
from ..services import SERVICES_KEY
from ..views.texts import language_for, text
from .common import AlreadyApologised

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log what broke; tell the user unless a handler already did; record how the update ended."""
    error = context.error
    log.error("update failed", exc_info=(type(error), error, error.__traceback__) if error else None)
    apologised = isinstance(error, AlreadyApologised)
    outcome = APOLOGISED if apologised else await _apologise(update, context)
    if trace := _trace_of(update, context):
        trace.break_down(outcome, type(error.__cause__ if apologised and error.__cause__ else error).__name__)


async def _apologise(update: object, context: ContextTypes.DEFAULT_TYPE) -> str:
    """APOLOGISED once the user was told, FAILED when there was no one to tell or it did not reach them."""
    if not isinstance(update, Update):
        return FAILED
    user = update.effective_user
    language = language_for(user.language_code if user else None)
    try:
        if update.callback_query:
            await update.callback_query.answer(text("error", language))
        elif update.effective_chat:
            await context.bot.send_message(update.effective_chat.id, text("error", language))
        else:
            return FAILED
    except TelegramError:
        log.warning("could not apologise to the user", exc_info=True)
        return FAILED
    return APOLOGISED


def _trace_of(update: object, context) -> Trace | None:
    services = context.bot_data.get(SERVICES_KEY)
    update_id = getattr(update, "update_id", None)
    return services.traces.get(update_id) if services is not None and update_id is not None else None
