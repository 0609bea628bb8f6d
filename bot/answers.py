"""The answer service: a photo's reading, or words, and who is asking -> the moods and songs to show.

No Telegram types here: handlers and `python -m bot try` call it with plain values, and steering,
"more" and the previews-only setting all come down to `Answers.suggest` on a saved `AnswerState`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from recommender import SONGS, AffectHint, MoodPreferences, Suggestion, SuggestRequest

from .batching import MicroBatcher
from .errors import PreviewError, PreviewProblem
from .previews import DeezerPreviews, Preview
from .reading import PhotoReading
from .state import AnswerState, Settings, ShownSong, StateStore, UserKeys
from .views.texts import language_for

SONGS_PER_ANSWER = SONGS  # a handful; "More" brings the next ones
PREVIEW_CHECK_SECONDS = 4.0


@dataclass(frozen=True)
class Listener:
    """Who pressed or sent something: their keyed id, settings and reply language."""

    user: str
    settings: Settings
    language: str


def photo_state(reading: PhotoReading, user: str) -> AnswerState:
    """A new answer's state for a photo: what we say we saw and from where, and the photo's affect."""
    hint = reading.affect_hint
    return AnswerState(reading.description, user, seen=reading.seen, source=reading.source.value,
                       user_words=reading.user_words, affect_hint=(hint.valence, hint.arousal, hint.weight))


def words_state(words: str, user: str) -> AnswerState:
    """A new answer's state for a vibe typed in words (/mood, inline mode)."""
    return AnswerState(words, user, seen=words, source="mood")


class Answers:
    """Suggestions for a listener, their taste and settings applied; previews checked on Deezer."""

    def __init__(self, store: StateStore, users: UserKeys, batcher: MicroBatcher, previews: DeezerPreviews):
        self._store, self._users, self._batcher, self._previews = store, users, batcher, previews

    async def listener(self, user_id: int, telegram_language: str | None) -> Listener:
        """The user's keyed id and settings; their saved language, else Telegram's."""
        key = self._users.of(user_id)
        settings = await self._store.settings(key)
        return Listener(key, settings, settings.language or language_for(telegram_language))

    async def suggest(self, state: AnswerState, listener: Listener) -> Suggestion:
        """Songs not yet offered for this photo nor disliked, steered and weighted by the user's taste.

        The recommender runs in a worker thread, batched with requests arriving at the same
        moment, so one slow answer never blocks other chats.
        """
        preferences = await self._store.preferences(listener.user)
        wanted = SONGS_PER_ANSWER * (2 if listener.settings.previews_only else 1)
        suggestion = await self._batcher.submit(SuggestRequest(
            state.description, songs=wanted, exclude=frozenset(state.offered) | preferences.disliked_songs,
            affect_hint=AffectHint(*state.affect_hint) if state.affect_hint else None,
            affect_shift=state.shift,
            preferences=MoodPreferences(preferences.label_weights) if preferences.label_weights else None))
        if listener.settings.previews_only:
            return await self._with_previews(suggestion)
        return suggestion

    async def steer(self, state: AnswerState, listener: Listener, move: tuple[float, float]) -> Suggestion:
        """Move the answer's target by `move` in (valence, arousal) and suggest again."""
        state.shift = (state.shift[0] + move[0], state.shift[1] + move[1])
        return await self.suggest(state, listener)

    async def preview(self, song: ShownSong) -> Preview:
        """Fetched at tap time: Deezer's preview links are signed and short-lived."""
        if song.id.startswith("dz") and song.id[2:].isdigit():
            return await self._previews.preview_for_track(int(song.id[2:]))
        return await self._previews.preview_for_song(song.artist, song.title)

    async def download_preview(self, url: str) -> bytes:
        """The preview MP3 itself, for when Telegram cannot fetch its URL."""
        return await self._previews.download(url)

    async def _with_previews(self, suggestion: Suggestion) -> Suggestion:
        """Keep songs that have a preview; if Deezer can't tell in time, or none has one, keep them all."""
        checks = asyncio.gather(*(self.preview(song) for song in suggestion.songs), return_exceptions=True)
        try:
            results = await asyncio.wait_for(checks, PREVIEW_CHECK_SECONDS)
        except TimeoutError:
            return _first(suggestion, suggestion.songs)
        if any(isinstance(r, PreviewError) and r.kind is PreviewProblem.UNAVAILABLE for r in results):
            return _first(suggestion, suggestion.songs)
        playable = [song for song, r in zip(suggestion.songs, results) if isinstance(r, Preview)]
        return _first(suggestion, playable or suggestion.songs)


def _first(suggestion: Suggestion, songs) -> Suggestion:
    """The suggestion with only the first SONGS_PER_ANSWER of `songs`."""
    return Suggestion(suggestion.text, suggestion.moods, tuple(songs)[:SONGS_PER_ANSWER], suggestion.valence,
                      suggestion.arousal)
