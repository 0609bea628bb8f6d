"""What a suggestion is, independent of how it was computed or shown."""

from __future__ import annotations

from dataclasses import asdict, dataclass

# Songs in an answer: a handful. Judged blind beside 8-song answers (round 7 in BENCHMARKS.md), the
# first five alone scored higher (songs 2.27-2.38 against 2.09-2.27) with a quarter fewer clearly
# wrong items: the last slots held the obscure and clashing songs. "More" brings the next ones.
SONGS = 5


@dataclass(frozen=True)
class Mood:
    """One emotion combination and how well it fits (higher is better)."""

    labels: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class Song:
    """A song to offer; valence/arousal on the common scale (standard deviations)."""

    id: str
    artist: str
    title: str
    url: str
    valence: float
    arousal: float
    labels: tuple[str, ...]
    reasons: tuple[str, ...] = ()  # why this song won, as "kind:value" codes (see songscore.reasons)

    def __post_init__(self) -> None:
        # Read back from JSON (a stored answer), the sequences arrive as lists: same song, same value.
        for name in ("labels", "reasons"):
            if not isinstance(getattr(self, name), tuple):
                object.__setattr__(self, name, tuple(getattr(self, name)))


@dataclass(frozen=True)
class Suggestion:
    """The answer for one description: its affect, the moods that fit and songs for them."""

    text: str
    moods: tuple[Mood, ...]
    songs: tuple[Song, ...]
    valence: float
    arousal: float

    def to_json(self) -> dict:
        """The CLI's stable JSON shape."""
        return {
            "text": self.text,
            "moods": [{"labels": list(m.labels), "score": round(m.score, 6)} for m in self.moods],
            "songs": [
                {key: (list(value) if key in ("labels", "reasons") else value) for key, value in asdict(s).items() if key != "id"}
                for s in self.songs
            ],
        }
