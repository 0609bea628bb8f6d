"""The HTML texts of answers, "more", "why these?" and /settings, built by pure functions."""

from __future__ import annotations

from html import escape

from recommender import Suggestion

from ..state import AnswerState, Settings, ShownSong
from .callbacks import STEP, Steer
from .mood_names import mood_names
from .texts import feel, song_reasons, text

SEEN_KEY = {"azure": "seen", "device": "seen_device", "user": "seen_caption", "mood": "seen_caption",
            "colours": "seen_colours"}
NOTE_KEY = {"user": "caption_only", "colours": "colours_only"}


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
    """"☀ happier ×2 · 🌙 calmer": the presses that add up to `shift`."""
    words = []
    for value, up, down in ((shift[0], Steer.HAPPIER, Steer.MOODIER), (shift[1], Steer.MORE_ENERGY, Steer.CALMER)):
        steps = round(abs(value) / STEP)
        if steps:
            label = steer_label(up if value > 0 else down, language)
            words.append(label if steps == 1 else f"{label} ×{steps}")
    return " · ".join(words)


def steer_label(steer: Steer, language: str) -> str:
    return text(f"steer_{steer.value}", language)


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


def settings_text(settings: Settings, language: str) -> str:
    """The reply language and the previews-only switch, as they are now."""
    reply_language = text(f"language_{settings.language}" if settings.language else "language_auto", language)
    previews = text("on" if settings.previews_only else "off", language)
    return text("settings", language, language=reply_language, previews=previews)


def moods_line(suggestion: Suggestion, language: str) -> str:
    """The three moods on one line: "calm · dreamy | warm · tender | …" (inline results)."""
    return " | ".join(" · ".join(mood_names(mood.labels, language)) for mood in suggestion.moods)


def inline_song_text(song: ShownSong, moods: str, language: str) -> str:
    return text("inline_song", language, artist=song.artist, title=song.title, url=song.url, moods=moods)


def _song_lines(songs: list[ShownSong], title_key: str, language: str) -> list[str]:
    lines = [text(title_key, language)]
    lines += [f"{n}. {escape(song.artist)} — {escape(song.title)}" for n, song in enumerate(songs, 1)]
    return [*lines, "", text("tap_hint", language)]
