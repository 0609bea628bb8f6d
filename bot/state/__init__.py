"""Where the bot keeps what must outlive one update: answers behind buttons, votes, settings."""

from ..errors import StoreUnavailable
from .base import AnswerState, Preferences, Settings, ShownSong, StateStore, UserKeys

__all__ = ["AnswerState", "Preferences", "Settings", "ShownSong", "StateStore", "StoreUnavailable", "UserKeys"]
