"""Inline keyboards, built by pure functions from the songs shown and the answer's token."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from ..state import Settings, ShownSong
from .callbacks import Steer, callback_data
from .messages import steer_label
from .texts import text

BUTTON_LABEL_LIMIT = 60


def answer_keyboard(songs: list[ShownSong], token: str, language: str) -> InlineKeyboardMarkup:
    """Per song a link and a ▶ preview; then steering, more/why and 👍/👎 (data under 64 bytes)."""
    rows = [[InlineKeyboardButton(_label(f"{s.artist} — {s.title}"), url=s.url),
             InlineKeyboardButton("▶", callback_data=callback_data("play", token, s.id))] for s in songs]
    steer = [InlineKeyboardButton(steer_label(s, language), callback_data=callback_data("steer", token, s.value))
             for s in Steer]
    rows += [steer[:2], steer[2:]]
    rows.append([InlineKeyboardButton(text("more_button", language), callback_data=callback_data("more", token)),
                 InlineKeyboardButton(text("why_button", language), callback_data=callback_data("why", token))])
    rows.append([InlineKeyboardButton("👍", callback_data=callback_data("up", token)),
                 InlineKeyboardButton("👎", callback_data=callback_data("down", token))])
    return InlineKeyboardMarkup(rows)


def song_links_keyboard(songs: list[ShownSong]) -> InlineKeyboardMarkup:
    """Only the songs' links: what an answer keeps when its state could not be saved."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(_label(f"{s.artist} — {s.title}"), url=s.url)] for s in songs])


def why_keyboard(songs: list[ShownSong], token: str) -> InlineKeyboardMarkup:
    """A 👎 per song: never suggest this one to me again."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(_label(f"👎 {s.artist} — {s.title}"),
                                                       callback_data=callback_data("nope", token, s.id))]
                                 for s in songs])


def inline_song_keyboard(song: ShownSong) -> InlineKeyboardMarkup:
    """The one link an inline result carries into another chat."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(f"🎵 {song.artist} — {song.title}"[:60], url=song.url)]])


def settings_keyboard(settings: Settings, language: str) -> InlineKeyboardMarkup:
    state = text("on" if settings.previews_only else "off", language)
    return InlineKeyboardMarkup([
        [InlineKeyboardButton("🇬🇧 English", callback_data="set:lang:en"),
         InlineKeyboardButton("🇫🇷 Français", callback_data="set:lang:fr"),
         InlineKeyboardButton("🌐 Auto", callback_data="set:lang:auto")],
        [InlineKeyboardButton(text("previews_button", language, state=state),
                              callback_data=f"set:prev:{'off' if settings.previews_only else 'on'}")],
    ])


def _label(label: str) -> str:
    return label if len(label) <= BUTTON_LABEL_LIMIT else label[: BUTTON_LABEL_LIMIT - 1] + "…"
