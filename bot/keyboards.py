"""Answer text and inline keyboards, built by pure functions from a Suggestion."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from recommender import Suggestion

from .reading import CaptionSource, PhotoReading
from .texts import text

BUTTON_LABEL_LIMIT = 60
CALLBACK = re.compile(r"^(more|up|down):([A-Za-z0-9_-]{8})$")
SEEN_KEY = {CaptionSource.AZURE: "seen", CaptionSource.USER: "seen_caption", CaptionSource.COLOURS: "seen_colours"}
NOTE_KEY = {CaptionSource.USER: "caption_only", CaptionSource.COLOURS: "colours_only"}


@dataclass(frozen=True)
class ButtonPress:
    action: str  # "more", "up" or "down"
    token: str


def parse_button(data: str | None) -> ButtonPress | None:
    """The press a callback's data stands for, or None for anything we did not send."""
    match = CALLBACK.match(data or "")
    return ButtonPress(match.group(1), match.group(2)) if match else None


def song_keyboard(suggestion: Suggestion, token: str, language: str) -> InlineKeyboardMarkup:
    """One URL button per song, then more-songs and 👍/👎 (callback data well under 64 bytes)."""
    rows = [[InlineKeyboardButton(_label(f"{song.artist} — {song.title}"), url=song.url)] for song in suggestion.songs]
    rows.append([
        InlineKeyboardButton(text("more_button", language), callback_data=f"more:{token}"),
        InlineKeyboardButton("👍", callback_data=f"up:{token}"),
        InlineKeyboardButton("👎", callback_data=f"down:{token}"),
    ])
    return InlineKeyboardMarkup(rows)


def photo_header(reading: PhotoReading, language: str) -> list[str]:
    """What was seen, and a note when it came from fallbacks rather than Azure."""
    lines = [text(SEEN_KEY[reading.source], language, text=reading.shown)]
    if reading.source is CaptionSource.AZURE and reading.user_words:
        lines.append(text("seen_caption", language, text=reading.user_words))
    if reading.source in NOTE_KEY:
        lines.append(text(NOTE_KEY[reading.source], language))
    return lines


def mood_header(words: str, language: str) -> list[str]:
    return [text("seen_caption", language, text=words)]


def answer_text(suggestion: Suggestion, language: str, header: list[str]) -> str:
    """HTML: the header, the three moods, the songs as copyable 'Artist — Title' lines."""
    lines = [*header, "", text("moods", language)]
    lines += [f"• {escape(' · '.join(mood.labels))}" for mood in suggestion.moods]
    lines += ["", *_song_lines(suggestion, "songs", language)]
    return "\n".join(lines)


def more_songs_text(suggestion: Suggestion, language: str) -> str:
    return "\n".join(_song_lines(suggestion, "more_songs", language))


def _song_lines(suggestion: Suggestion, title_key: str, language: str) -> list[str]:
    lines = [text(title_key, language)]
    lines += [f"{n}. {escape(song.artist)} — {escape(song.title)}" for n, song in enumerate(suggestion.songs, 1)]
    lines += ["", text("tap_hint", language)]
    return lines


def _label(label: str) -> str:
    return label if len(label) <= BUTTON_LABEL_LIMIT else label[: BUTTON_LABEL_LIMIT - 1] + "…"
