"""Photo description -> matching emotion combinations and songs (no Telegram here)."""

from .engine import MAX_TEXT_CHARS, AffectHint, MoodPreferences, Recommender, SuggestRequest, checked_text
from .errors import IndexUnavailableError, RecommenderError
from .suggestion import SONGS, Mood, Song, Suggestion

__all__ = [
    "MAX_TEXT_CHARS", "AffectHint", "IndexUnavailableError", "Mood", "MoodPreferences", "Recommender",
    "RecommenderError", "SONGS", "Song", "SuggestRequest", "Suggestion", "checked_text",
]
