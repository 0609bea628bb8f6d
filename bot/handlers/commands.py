"""/start, /help, /about and unknown commands."""

from telegram import Update
from telegram.ext import ContextTypes

from .common import language_of, reply


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet and explain in two lines."""
    await reply(update.effective_message, "start", language_of(update))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what to send and what the buttons do."""
    await reply(update.effective_message, "help", language_of(update))


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """How it works, where the data comes from, and that photos are not kept."""
    await reply(update.effective_message, "about", language_of(update))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command we don't have: point to /help."""
    await reply(update.effective_message, "unknown_command", language_of(update))
