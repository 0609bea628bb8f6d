"""/settings: reply language and 'only songs with a preview', kept per user across restarts."""

from __future__ import annotations

import dataclasses
import re

from telegram import Update
from telegram.constants import ParseMode

from ..edge.context import BotContext
from ..views.keyboards import settings_keyboard
from ..views.messages import settings_text
from ..views.texts import text
from .common import listener_of

SETTING = re.compile(r"^set:(lang:(?:en|fr|auto)|prev:(?:on|off))$")


async def on_settings(update: Update, context: BotContext) -> None:
    """Show the current settings with buttons to change them."""
    listener = await listener_of(update, context)
    await update.effective_message.reply_text(settings_text(listener.settings, listener.language),
                                              parse_mode=ParseMode.HTML,
                                              reply_markup=settings_keyboard(listener.settings, listener.language))


async def on_setting_button(update: Update, context: BotContext) -> None:
    """Save the change, then redraw the settings in the (maybe new) language."""
    query, listener = update.callback_query, await listener_of(update, context)
    match = SETTING.match(query.data or "")
    if not match or query.message is None:  # settings are never sent as inline messages
        context.trace.refuse("expired")
        await query.answer(text("expired", listener.language))
        return
    name, value = match.group(1).split(":")
    changed = (dataclasses.replace(listener.settings, language=None if value == "auto" else value) if name == "lang"
               else dataclasses.replace(listener.settings, previews_only=value == "on"))
    await context.services.store.save_settings(listener.user, changed)
    listener = await listener_of(update, context)
    await query.answer(text("saved", listener.language))
    await update.effective_message.edit_text(settings_text(listener.settings, listener.language),
                                             parse_mode=ParseMode.HTML,
                                             reply_markup=settings_keyboard(changed, listener.language))
