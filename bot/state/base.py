"""The state store's interface and the records it keeps, as plain JSON-able dataclasses.

SQLite is the embedded default (one process); a networked store (Redis) plugs in
behind the same interface so several instances share buttons, votes and settings.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import asdict, dataclass, field
from typing import Protocol

from recommender import Song as ShownSong  # a song as shown in one message: the recommender's own record

ANSWER_TTL_SECONDS = 48 * 3600
UPDATE_MEMORY_SECONDS = 26 * 3600  # Telegram keeps an unconfirmed update for 24 hours


@dataclass
class AnswerState:
    """Everything the buttons under one photo's answers need; keyed by a short random token.

    seen/source/user_words: what the answer says it read, and from where ("azure", "user",
    "colours" or "mood"), so an edited answer reads the same;
    affect_hint: (valence, arousal, weight) from the photo's colours or None;
    shift: the (valence, arousal) steering applied so far;
    offered: every song id offered for this photo, so none comes back;
    messages: message id -> the songs that message shows;
    chat: keyed hash of the chat the answer was sent to, and replies: other messages there that
    carry this answer's buttons (the "why" lists) — a press counts only on one of those messages,
    so a token copied into another chat's button reads and writes nothing.
    """

    description: str
    user: str
    seen: str = ""
    source: str = "azure"
    user_words: str = ""
    affect_hint: tuple[float, float, float] | None = None
    moods: list[list[str]] = field(default_factory=list)
    shift: tuple[float, float] = (0.0, 0.0)
    offered: list[str] = field(default_factory=list)
    messages: dict[str, list[ShownSong]] = field(default_factory=dict)
    created: float = field(default_factory=time.time)
    chat: str = ""
    replies: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, raw: str | bytes) -> AnswerState:
        data = json.loads(raw)
        data.setdefault("offered", data.pop("shown", []))  # the field's name in answers saved before
        data["messages"] = {k: [ShownSong(**{**s, "labels": tuple(s["labels"])}) for s in v]
                            for k, v in data.get("messages", {}).items()}
        data["shift"] = tuple(data.get("shift", (0.0, 0.0)))
        if data.get("affect_hint") is not None:
            data["affect_hint"] = tuple(data["affect_hint"])
        return cls(**data)

    def show(self, message_id: int, songs: list[ShownSong]) -> None:
        self.messages[str(message_id)] = songs
        self.offered.extend(song.id for song in songs if song.id not in self.offered)

    def attach(self, message_id: int) -> None:
        """Another message in the answer's chat carries its buttons."""
        if str(message_id) not in self.replies:
            self.replies.append(str(message_id))

    def sent_as(self, chat: str, message_id: int) -> bool:
        """True for the answer's own messages only; an answer saved before chats were bound has no chat
        and so matches nothing (its buttons expire rather than work anywhere)."""
        return bool(self.chat) and chat == self.chat and (
            str(message_id) in self.messages or str(message_id) in self.replies)

    def songs_in(self, message_id: int) -> list[ShownSong]:
        return self.messages.get(str(message_id), [])

    def song(self, song_id: str) -> ShownSong | None:
        return next((s for songs in self.messages.values() for s in songs if s.id == song_id), None)


@dataclass(frozen=True)
class Settings:
    """A user's choices; language None means 'follow Telegram's'."""

    language: str | None = None
    previews_only: bool = False


@dataclass(frozen=True)
class Preferences:
    """What a user's feedback says: songs never to show again, how much each mood label counts."""

    disliked_songs: frozenset[str] = frozenset()
    label_weights: dict[str, float] = field(default_factory=dict)


class StateStore(Protocol):
    async def put_answer(self, token: str, state: AnswerState) -> None: ...

    async def get_answer(self, token: str) -> AnswerState | None:
        """None when the token is unknown or older than ANSWER_TTL_SECONDS."""

    async def record_vote(self, token: str, user: str, vote: int, moods: list[list[str]]) -> None:
        """One vote per user and answer; a change of mind replaces it."""

    async def dislike_song(self, user: str, song_id: str) -> None: ...

    async def preferences(self, user: str) -> Preferences: ...

    async def settings(self, user: str) -> Settings: ...

    async def save_settings(self, user: str, settings: Settings) -> None: ...

    async def export_feedback(self) -> list[dict]:
        """Votes and song dislikes with hashed users only, for evaluation."""

    async def hit(self, key: str, window_seconds: float, limit: int) -> bool:
        """Count one event for `key` (e.g. a user hash + "photo"); False once over `limit` in the window.

        A fixed window opened by the key's first event: the count resets `window_seconds` later, so
        refused events never prolong the wait (a burst across a window edge may reach 2 × limit).
        """

    async def keep_update(self, update_id: int, raw: str) -> bool:
        """Journal a fetched update (its JSON) as pending and claimed now; False if this id is already
        pending or was finished in the last UPDATE_MEMORY_SECONDS (a redelivery: skip it)."""

    async def note_update(self, update_id: int, raw: str) -> None:
        """Replace a pending update's JSON (e.g. with the status message sent for it); no-op once finished."""

    async def finish_update(self, update_id: int) -> None:
        """The update was handled: drop its JSON, remember its id so a redelivery is skipped."""

    async def reclaim_updates(self, lease_seconds: float) -> list[str]:
        """Pending updates claimed more than `lease_seconds` ago (their process died), claimed anew."""

    async def close(self) -> None: ...


class UserKeys:
    """Keyed hash of Telegram user ids: stable per installation, meaningless without the key."""

    def __init__(self, secret: bytes):
        self._secret = secret

    def of(self, user_id: int) -> str:
        return hmac.new(self._secret, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]


def label_weights(votes: list[tuple[int, list[list[str]]]]) -> dict[str, float]:
    """Each 👍 adds one to its moods' labels, each 👎 takes one off; squashed into [-1, 1]."""
    import math

    totals: dict[str, float] = {}
    for vote, moods in votes:
        for label in {label for mood in moods for label in mood}:
            totals[label] = totals.get(label, 0.0) + vote
    return {label: math.tanh(total / 2) for label, total in totals.items() if total}
