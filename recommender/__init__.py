"""Photo description -> matching emotion combinations and songs (no Telegram here)."""

from .engine import AffectHint, Recommender
from .errors import IndexUnavailableError, RecommenderError
from .suggestion import Mood, Song, Suggestion

__all__ = ["AffectHint", "IndexUnavailableError", "Mood", "Recommender", "RecommenderError", "Song", "Suggestion"]
