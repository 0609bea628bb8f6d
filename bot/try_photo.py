"""The bot's answer for a local photo, printed as the user would see it (buttons included)."""

from __future__ import annotations

import asyncio
import html
import re
import sys
from pathlib import Path

from recommender import RecommenderError

from .config import Config
from .downloads import TELEGRAM_DOWNLOAD_LIMIT
from .keyboards import answer_text, photo_header, song_keyboard
from .photos import PhotoError
from .handlers.photo import PROBLEM_TEXT
from .reading import read_photo
from .services import close_services, open_services
from .texts import text


def try_photo(config: Config, photo: str, *, caption: str | None, language: str) -> int:
    path = Path(photo)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 1
    if path.stat().st_size > TELEGRAM_DOWNLOAD_LIMIT:
        print(_plain(text("too_big", language)))
        return 1
    try:
        print(asyncio.run(_answer(config, path.read_bytes(), caption, language)))
    except PhotoError as problem:
        print(_plain(text(PROBLEM_TEXT[problem.reason], language)))
        return 1
    except RecommenderError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


async def _answer(config: Config, data: bytes, caption: str | None, language: str) -> str:
    services = await open_services(config)
    try:
        reading = await read_photo(data, caption, services.vision)
        suggestion = await services.suggest(reading.description, reading.affect_hint)
    finally:
        await close_services(services)
    keyboard = song_keyboard(suggestion, "-" * 8, language)
    buttons = [" ".join(f"[{b.text}]" + (f" {b.url}" if b.url else "") for b in row)
               for row in keyboard.inline_keyboard]
    return "\n".join([_plain(answer_text(suggestion, language, photo_header(reading, language))), "", *buttons])


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))
