"""Finding the image in a Telegram message and downloading it, within Telegram's bot limits."""

from __future__ import annotations

from telegram import Bot, Message
from telegram.error import BadRequest, TelegramError

from ..errors import Refused

TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024  # Bot API getFile refuses larger files


def image_file(message: Message, min_side: int | None = None) -> tuple[str, int | None]:
    """(file_id, announced size) of the image to read: the largest photo size (with `min_side`, the
    smallest whose short side has at least that many: enough for the on-device model), an image
    document, a GIF as sent, or the first-frame thumbnail Telegram keeps of an animation."""
    if message.photo:
        fitting = [size for size in message.photo if min_side and min(size.width, size.height) >= min_side]
        chosen = min(fitting, key=lambda size: size.width * size.height) if fitting else message.photo[-1]
        return chosen.file_id, chosen.file_size
    if message.animation:
        animation = message.animation
        if animation.mime_type == "image/gif":
            return animation.file_id, animation.file_size
        if animation.thumbnail:
            return animation.thumbnail.file_id, animation.thumbnail.file_size
        raise Refused("video")
    if message.document:
        return message.document.file_id, message.document.file_size
    raise Refused("send_photo")


async def download(bot: Bot, file_id: str, size: int | None) -> bytes:
    if size is not None and size > TELEGRAM_DOWNLOAD_LIMIT:
        raise Refused("too_big")
    try:
        telegram_file = await bot.get_file(file_id)
        return bytes(await telegram_file.download_as_bytearray())
    except BadRequest as error:
        raise Refused("too_big" if "too big" in str(error).lower() else "download_failed") from error
    except TelegramError as error:
        raise Refused("download_failed") from error
