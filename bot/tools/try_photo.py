"""The bot's answer for a local photo, printed as the user would see it (buttons included)."""

from __future__ import annotations

import asyncio
import dataclasses
import html
import re
import sys
from pathlib import Path

from recommender import RecommenderError

from ..answers import Listener, photo_state
from ..config import Config
from ..edge.downloads import TELEGRAM_DOWNLOAD_LIMIT
from ..errors import StorytuneError
from ..services import close_services, open_services
from ..state import Settings
from ..views.keyboards import answer_keyboard
from ..views.messages import answer_text, header_lines
from ..views.texts import text


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
    except StorytuneError as refusal:
        print(_plain(text(refusal.key, language)))
        return 1
    except RecommenderError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


async def _answer(config: Config, data: bytes, caption: str | None, language: str) -> str:
    services = await open_services(dataclasses.replace(config, worker_processes=0))  # one photo: no workers to fork
    try:
        state = photo_state(await services.reader.read(data, caption), "try")
        suggestion = await services.answers.suggest(state, Listener("try", Settings(), language))
    finally:
        await close_services(services)
    keyboard = answer_keyboard(list(suggestion.songs), "-" * 8, language)
    buttons = [" ".join(f"[{b.text}]" + (f" {b.url}" if b.url else "") for b in row)
               for row in keyboard.inline_keyboard]
    return "\n".join([_plain(answer_text(suggestion, language, header_lines(state, language))), "", *buttons])


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))
