"""Everything that is not a photo: a short, friendly answer saying what to do."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from .common import language_of, reply


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Plain text: ask for a photo or /mood."""
    await reply(update.effective_message, "send_photo", language_of(update))


async def on_sticker(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update.effective_message, "sticker", language_of(update))


async def on_voice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update.effective_message, "voice", language_of(update))


async def on_video(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update.effective_message, "video", language_of(update))


async def on_other_file(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A document that is not an image (PDF, ZIP, …): name what it is."""
    document = update.effective_message.document
    await reply(update.effective_message, "not_image", language_of(update), kind=_file_kind(document))


async def on_anything_else(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Locations, contacts, polls…: ask for a photo."""
    if update.effective_message:
        await reply(update.effective_message, "send_photo", language_of(update))


def _file_kind(document) -> str:
    name = (document.file_name or "") if document else ""
    if "." in name:
        return name.rsplit(".", 1)[1].upper()
    return (document.mime_type or "unknown") if document else "unknown"
