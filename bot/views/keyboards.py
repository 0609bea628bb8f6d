"""Answer text and inline keyboards, built by pure functions from songs and state.

Callback data is short and never trusted: parse_button accepts only what we send
(an action, an 8-character token, maybe a song id or a steering direction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from recommender import Suggestion

from .mood_names import mood_names
from ..state import AnswerState, Settings, ShownSong
from .texts import feel, song_reasons, text

BUTTON_LABEL_LIMIT = 60
STEP = 0.5
STEERING = {"h": (STEP, 0.0), "c": (0.0, -STEP), "e": (0.0, STEP), "m": (-STEP, 0.0)}
CALLBACK = re.compile(r"^(more|up|down|why|steer|play|nope):([A-Za-z0-9_-]{8})(?::([A-Za-z0-9_-]{1,40}))?$")
NEEDS_ARGUMENT = {"steer", "play", "nope"}
SEEN_KEY = {"azure": "seen", "device": "seen_device", "user": "seen_caption", "mood": "seen_caption",
            "colours": "seen_colours"}
NOTE_KEY = {"user": "caption_only", "colours": "colours_only"}


@dataclass(frozen=True)
class ButtonPress:
    action: str
    token: str
    argument: str | None = None


def parse_button(data: str | None) -> ButtonPress | None:
    """The press a callback's data stands for, or None for anything we did not send."""
    match = CALLBACK.match(data or "")
    if not match:
        return None
    action, token, argument = match.groups()
    if (action in NEEDS_ARGUMENT) != (argument is not None):
        return None
    if action == "steer" and argument not in STEERING:
        return None
    return ButtonPress(action, token, argument)


def answer_keyboard(songs: list[ShownSong], token: str, language: str) -> InlineKeyboardMarkup:
    """Per song a link and a ▶ preview; then steering, more/why and 👍/👎 (data under 64 bytes)."""
    rows = [[InlineKeyboardButton(_label(f"{s.artist} — {s.title}"), url=s.url),
             InlineKeyboardButton("▶", callback_data=f"play:{token}:{s.id}")] for s in songs]
    steer = [InlineKeyboardButton(text(f"steer_{d}", language), callback_data=f"steer:{token}:{d}") for d in "hcem"]
    rows += [steer[:2], steer[2:]]
    rows.append([InlineKeyboardButton(text("more_button", language), callback_data=f"more:{token}"),
                 InlineKeyboardButton(text("why_button", language), callback_data=f"why:{token}")])
    rows.append([InlineKeyboardButton("👍", callback_data=f"up:{token}"),
                 InlineKeyboardButton("👎", callback_data=f"down:{token}")])
    return InlineKeyboardMarkup(rows)


def song_links_keyboard(songs: list[ShownSong]) -> InlineKeyboardMarkup:
    """Only the songs' links: what an answer keeps when its state could not be saved."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(_label(f"{s.artist} — {s.title}"), url=s.url)] for s in songs])


def why_keyboard(songs: list[ShownSong], token: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(_label(f"👎 {s.artist} — {s.title}"),
                                                       callback_data=f"nope:{token}:{s.id}")] for s in songs])


def settings_keyboard(settings: Settings, language: str) -> InlineKeyboardMarkup:
    state = text("on" if settings.previews_only else "off", language)
    return InlineKeyboardMarkup([
        [InlineKeyboardButton("🇬🇧 English", callback_data="set:lang:en"),
         InlineKeyboardButton("🇫🇷 Français", callback_data="set:lang:fr"),
         InlineKeyboardButton("🌐 Auto", callback_data="set:lang:auto")],
        [InlineKeyboardButton(text("previews_button", language, state=state),
                              callback_data=f"set:prev:{'off' if settings.previews_only else 'on'}")],
    ])


def header_lines(state: AnswerState, language: str) -> list[str]:
    """What was read and from where, a note for fallbacks, and the steering so far."""
    lines = [text(SEEN_KEY[state.source], language, text=state.seen)]
    if state.source in ("azure", "device") and state.user_words:
        lines.append(text("seen_caption", language, text=state.user_words))
    if state.source in NOTE_KEY:
        lines.append(text(NOTE_KEY[state.source], language))
    if any(state.shift):
        lines.append(text("steered", language, steps=steering_words(state.shift, language)))
    return lines


def steering_words(shift: tuple[float, float], language: str) -> str:
    words = []
    for value, up, down in ((shift[0], "h", "m"), (shift[1], "e", "c")):
        steps = round(abs(value) / STEP)
        if steps:
            label = text(f"steer_{up if value > 0 else down}", language)
            words.append(label if steps == 1 else f"{label} ×{steps}")
    return " · ".join(words)


def answer_text(suggestion: Suggestion, language: str, header: list[str]) -> str:
    """HTML: the header, the three moods, the songs as copyable 'Artist — Title' lines."""
    lines = [*header, "", text("moods", language)]
    lines += [f"• {escape(' · '.join(mood_names(mood.labels, language)))}" for mood in suggestion.moods]
    lines += ["", *_song_lines(suggestion.songs, "songs", language)]
    return "\n".join(lines)


def more_songs_text(songs: list[ShownSong], language: str) -> str:
    return "\n".join(_song_lines(songs, "more_songs", language))


def why_text(songs: list[ShownSong], language: str) -> str:
    """One line per song: how it sits in mood, its own reasons (title, well known, energy, genre)
    and the mood labels it matched."""
    lines = [text("why_title", language)]
    lines += [text("why_line", language, n=n, artist=s.artist, title=s.title, feel=feel(s.valence, s.arousal, language),
                   reasons=song_reasons(s.reasons, language), labels=", ".join(mood_names(s.labels, language)))
              for n, s in enumerate(songs, 1)]
    return "\n".join([*lines, "", text("why_hint", language)])


def _song_lines(songs: list[ShownSong], title_key: str, language: str) -> list[str]:
    lines = [text(title_key, language)]
    lines += [f"{n}. {escape(song.artist)} — {escape(song.title)}" for n, song in enumerate(songs, 1)]
    return [*lines, "", text("tap_hint", language)]


def _label(label: str) -> str:
    return label if len(label) <= BUTTON_LABEL_LIMIT else label[: BUTTON_LABEL_LIMIT - 1] + "…"
