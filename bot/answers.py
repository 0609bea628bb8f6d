"""What the bot remembers about an answer so its buttons keep working, for a while.

Callback data carries only a short random token; everything else stays here,
so a forged or stale button can never reach anything but a polite refusal.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from recommender import AffectHint, Suggestion

TTL_SECONDS = 48 * 3600
CAPACITY = 20_000


@dataclass
class AnswerState:
    description: str
    affect_hint: AffectHint | None
    moods: tuple[tuple[str, ...], ...]
    shown: set[str] = field(default_factory=set)
    created: float = field(default_factory=time.monotonic)

    @classmethod
    def of(cls, description: str, affect_hint: AffectHint | None, suggestion: Suggestion) -> AnswerState:
        return cls(description, affect_hint, tuple(m.labels for m in suggestion.moods),
                   {song.id for song in suggestion.songs})


class AnswerStore:
    """In-memory, bounded (oldest dropped first) and expiring."""

    def __init__(self, *, ttl: float = TTL_SECONDS, capacity: int = CAPACITY, clock=time.monotonic):
        self._states: OrderedDict[str, AnswerState] = OrderedDict()
        self._ttl, self._capacity, self._clock = ttl, capacity, clock
        self._lock = threading.Lock()

    def remember(self, state: AnswerState) -> str:
        token = secrets.token_urlsafe(6)
        state.created = self._clock()
        with self._lock:
            self._states[token] = state
            while len(self._states) > self._capacity:
                self._states.popitem(last=False)
        return token

    def get(self, token: str) -> AnswerState | None:
        with self._lock:
            state = self._states.get(token)
            if state is None:
                return None
            if self._clock() - state.created > self._ttl:
                del self._states[token]
                return None
            return state
