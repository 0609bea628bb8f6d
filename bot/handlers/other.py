"""Everything that is not a photo: a short, friendly answer saying what to do."""

from __future__ import annotations

from telegram import Update

from ..edge.context import BotContext
from .common import listener_of, reply


async def _answer(update: Update, context: BotContext, key: str, **values: object) -> None:
    if update.effective_message:
        await reply(update.effective_message, key, (await listener_of(update, context)).language, **values)


async def on_text(update: Update, context: BotContext) -> None:
    """Plain text: ask for a photo or /mood."""
    await _answer(update, context, "send_photo")


async def on_sticker(update: Update, context: BotContext) -> None:
    await _answer(update, context, "sticker")


async def on_voice(update: Update, context: BotContext) -> None:
    await _answer(update, context, "voice")


async def on_video(update: Update, context: BotContext) -> None:
    await _answer(update, context, "video")


async def on_other_file(update: Update, context: BotContext) -> None:
    """A document that is not an image (PDF, ZIP, …): name what it is."""
    await _answer(update, context, "not_image", kind=_file_kind(update.effective_message.document))


async def on_anything_else(update: Update, context: BotContext) -> None:
    """Locations, contacts, polls…: ask for a photo."""
    await _answer(update, context, "send_photo")


def _file_kind(document) -> str:
    name = (document.file_name or "") if document else ""
    if "." in name:
        return name.rsplit(".", 1)[1].upper()
    return (document.mime_type or "unknown") if document else "unknown"
