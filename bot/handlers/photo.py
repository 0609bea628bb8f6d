"""A photo (or image file) in; what it shows, its moods and song buttons out."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from ..answers import AnswerState
from ..downloads import Refused, download, image_file
from ..keyboards import answer_text, photo_header, song_keyboard
from ..photos import PhotoError, PhotoProblem
from ..reading import read_photo
from ..services import BotContext
from ..texts import text
from .common import AlreadyApologised, language_of, show_working

PROBLEM_TEXT = {
    PhotoProblem.NOT_AN_IMAGE: "not_an_image",
    PhotoProblem.CORRUPT: "corrupt",
    PhotoProblem.TOO_SMALL: "too_small",
    PhotoProblem.UNSUPPORTED: "unsupported",
    PhotoProblem.TOO_LARGE: "too_many_pixels",
}


async def on_photo(update: Update, context: BotContext) -> None:
    """Download, read, recommend, reply — the status message becomes the answer."""
    message, language = update.effective_message, language_of(update)
    services = context.services
    status = await show_working(message, language)
    try:
        data = await download(context.bot, *image_file(message))
        reading = await read_photo(data, message.caption, services.vision)
        del data  # photos live in memory only as long as needed
        suggestion = await services.suggest(reading.description, reading.affect_hint)
    except Refused as refusal:
        await status.edit_text(text(refusal.key, language), parse_mode=ParseMode.HTML)
        return
    except PhotoError as problem:
        await status.edit_text(text(PROBLEM_TEXT[problem.reason], language), parse_mode=ParseMode.HTML)
        return
    except Exception as error:
        await status.edit_text(text("error", language))
        raise AlreadyApologised() from error
    token = services.answers.remember(AnswerState.of(reading.description, reading.affect_hint, suggestion))
    await status.edit_text(answer_text(suggestion, language, photo_header(reading, language)),
                           parse_mode=ParseMode.HTML, reply_markup=song_keyboard(suggestion, token, language))
