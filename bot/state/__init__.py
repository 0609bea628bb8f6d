"""Where the bot keeps what must outlive one update: answers behind buttons, votes, settings."""

from .base import AnswerState, Preferences, Settings, ShownSong, StateStore, StoreUnavailable, UserKeys

__all__ = ["AnswerState", "Preferences", "Settings", "ShownSong", "StateStore", "StoreUnavailable", "UserKeys"]
