"""/start, /help, /about and unknown commands."""

from telegram import Update

from ..edge.context import BotContext
from .common import listener_of, reply


async def start(update: Update, context: BotContext) -> None:
    """Greet and explain in two lines."""
    await reply(update.effective_message, "start", (await listener_of(update, context)).language)


async def help_command(update: Update, context: BotContext) -> None:
    """Say what to send and what every button does."""
    language = (await listener_of(update, context)).language
    await reply(update.effective_message, "help", language, bot=context.bot.username)


async def about(update: Update, context: BotContext) -> None:
    """How it works, where the data comes from, and that photos are not kept."""
    await reply(update.effective_message, "about", (await listener_of(update, context)).language)


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command we don't have: point to /help."""
    await reply(update.effective_message, "unknown_command", (await listener_of(update, context)).language)
