"""The song catalog: who, what, where to listen, and its affect on the common scale."""

from __future__ import annotations

import csv
from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .datasets import SongRow
from .songkeys import artist_names, song_keys

TEXT_COLUMNS = frozenset({"song_id", "artist", "title", "url", "labels", "genres"})
REPEATED_TEXT_COLUMNS = frozenset({"artist", "labels", "genres"})


@dataclass(frozen=True)
class Catalog:
    """Songs as parallel arrays. affect: (N, 2) valence, arousal in standard deviations of
    the catalog's own distribution; artist_ids: (N,) one integer per distinct artist."""

    kind: str
    song_ids: np.ndarray
    artists: np.ndarray
    titles: np.ndarray
    urls: np.ndarray
    affect: np.ndarray
    labels: np.ndarray  # (N,) "|"-joined mood labels (MuSe), "" for untagged catalogs
    artist_ids: np.ndarray  # (N,) one id per lead artist ("A / B feat. C" counts as A)
    popularity: np.ndarray | None = None  # (N,) 0-1, NaN where the source does not say
    energy: np.ndarray | None = None  # (N,) drive on the common scale (arousal where the source has nothing else)
    genres: np.ndarray | None = None  # (N,) "|"-joined genre names, "" when unknown
    song_groups: np.ndarray | None = None  # (N,) one id per song however spelled (songkeys)
    speech: np.ndarray | None = None  # (N,) 0-1 spoken/rapped share (Spotify's speechiness), NaN unknown
    acoustic: np.ndarray | None = None  # (N,) 0-1 Spotify's acousticness, NaN unknown
    dance: np.ndarray | None = None  # (N,) 0-1 Spotify's danceability, NaN unknown
    foreign_playlists: np.ndarray | None = None  # (N,) datasets.foreign_playlist_shares, NaN unknown
    other_title: np.ndarray | None = None  # (N,) titlereading's confidence the title is in another language, NaN unknown
    years: np.ndarray | None = None  # (N,) release year, NaN unknown
    languages: np.ndarray | None = None  # (N,) int8 songlanguage codes, stored by the build (see song_languages)
    known: np.ndarray | None = None  # (N,) 0-1 how well listeners know a song (standing.known_popularity), NaN unknown

    def __len__(self) -> int:
        return len(self.song_ids)

    def __post_init__(self) -> None:
        size = len(self.song_ids)
        defaults = {"popularity": np.full(size, np.nan, np.float32), "energy": self.affect[:, 1].copy(),
                    "genres": np.full(size, "", dtype=object), "song_groups": np.arange(size, dtype=np.int64),
                    "speech": np.full(size, np.nan, np.float32), "acoustic": np.full(size, np.nan, np.float32),
                    "dance": np.full(size, np.nan, np.float32),
                    "foreign_playlists": np.full(size, np.nan, np.float32),
                    "other_title": np.full(size, np.nan, np.float32), "years": np.full(size, np.nan, np.float32)}
        for name, value in defaults.items():
            if getattr(self, name) is None:
                object.__setattr__(self, name, value)
        if self.known is None:
            from .standing import known_popularity

            known = known_popularity(self.popularity, self.years, self.artist_ids, self.titles)
            object.__setattr__(self, "known", known)

    @classmethod
    def from_rows(cls, kind: str, rows: list[SongRow]) -> Catalog:
        """Standardise each source's affect to its own mean and spread: the common scale."""
        return cls.from_sources(kind, [rows])

    @classmethod
    def from_sources(cls, kind: str, sources: list[list[SongRow]]) -> Catalog:
        """One catalog from several sources, each standardised on its own distribution, and every
        song kept once: a song spelled differently in a later source (or twice in one) is dropped."""
        kept: list[SongRow] = []
        affect, energy = [], []
        seen: set[str] = set()
        for rows in sources:
            if not rows:
                continue
            scaled = _standardised(np.array([(row.valence, row.arousal) for row in rows], np.float64))
            drive = np.array([row.energy for row in rows], np.float64)
            drive = scaled[:, 1] if np.isnan(drive).all() else _standardised(np.nan_to_num(drive)[:, None])[:, 0]
            order = sorted(range(len(rows)), key=lambda i: -np.nan_to_num(rows[i].popularity, nan=-1.0))
            keep = []
            for i in order:  # the best-known spelling of a song wins
                keys = song_keys(rows[i].artist, rows[i].title)
                if not seen.isdisjoint(keys):
                    continue
                seen.update(keys)
                keep.append(i)
            keep.sort()
            kept += [rows[i] for i in keep]
            affect.append(scaled[keep])
            energy.append(drive[keep])
        artists = np.array([row.artist for row in kept], dtype=object)
        leads = [(artist_names(a) or [a.lower()])[0] for a in artists]
        _, artist_ids = np.unique(np.array(leads, dtype=str), return_inverse=True)
        return cls(
            kind=kind,
            song_ids=np.array([row.song_id for row in kept], dtype=object),
            artists=artists,
            titles=np.array([row.title for row in kept], dtype=object),
            urls=np.array([row.url for row in kept], dtype=object),
            affect=np.concatenate(affect).astype(np.float32) if affect else np.zeros((0, 2), np.float32),
            labels=np.array(["|".join(row.labels) for row in kept], dtype=object),
            artist_ids=artist_ids.astype(np.int64),
            popularity=np.array([row.popularity for row in kept], np.float32),
            energy=np.concatenate(energy).astype(np.float32) if energy else np.zeros(0, np.float32),
            genres=np.array(["|".join(row.genres) for row in kept], dtype=object),
            song_groups=np.arange(len(kept), dtype=np.int64),
            speech=np.array([row.speech for row in kept], np.float32),
            acoustic=np.array([row.acoustic for row in kept], np.float32),
            dance=np.array([row.dance for row in kept], np.float32),
            foreign_playlists=np.array([row.foreign_playlists for row in kept], np.float32),
            other_title=_title_readings(kept),
            years=np.array([row.year for row in kept], np.float32),
        )

    def save(self, path: Path) -> None:
        import pandas as pd

        pd.DataFrame(
            {
                "song_id": self.song_ids,
                "artist": self.artists,
                "title": self.titles,
                "url": self.urls,
                "valence": self.affect[:, 0],
                "arousal": self.affect[:, 1],
                "labels": self.labels,
                "artist_id": self.artist_ids,
                "popularity": self.popularity,
                "energy": self.energy,
                "genres": self.genres,
                "song_group": self.song_groups,
                "speech": self.speech,
                "acoustic": self.acoustic,
                "dance": self.dance,
                "foreign_playlists": self.foreign_playlists,
                "other_title": self.other_title,
                "year": self.years,
                "language": self.song_languages(),
                "known": self.known,
            }
        ).to_csv(path, index=False)

    @classmethod
    def load(cls, path: Path, kind: str) -> Catalog:
        """Read catalog.csv row by row with the csv module. Importing pandas for it would cost the running
        bot ~40 MB, and holding all rows before converting them left ~30 MB of freed-but-scattered memory
        behind; here numbers are converted as they are read and repeated texts (artists, genre lists,
        mood labels) are shared, not held once per song."""
        with open(path, newline="", encoding="utf-8") as file:
            rows = csv.reader(file)
            header = next(rows)
            texts: dict[str, list[str]] = {name: [] for name in header if name in TEXT_COLUMNS}
            numbers = {name: array("d") for name in header if name not in TEXT_COLUMNS}
            shared: dict[str, str] = {}
            for row in rows:
                for name, cell in zip(header, row):
                    if name in REPEATED_TEXT_COLUMNS:
                        texts[name].append(shared.setdefault(cell, cell))
                    elif name in texts:
                        texts[name].append(cell)
                    else:
                        numbers[name].append(float(cell) if cell else np.nan)

        def text(name: str) -> np.ndarray:
            column = np.empty(len(texts[name]), dtype=object)
            column[:] = texts.pop(name)
            return column

        def number(name: str, dtype) -> np.ndarray:
            return np.frombuffer(numbers[name], np.float64).astype(dtype)

        return cls(
            kind=kind,
            song_ids=text("song_id"),
            artists=text("artist"),
            titles=text("title"),
            urls=text("url"),
            affect=np.column_stack([number("valence", np.float32), number("arousal", np.float32)]),
            labels=text("labels"),
            artist_ids=number("artist_id", np.int64),
            popularity=number("popularity", np.float32),
            energy=number("energy", np.float32),
            genres=text("genres"),
            song_groups=number("song_group", np.int64),
            speech=number("speech", np.float32) if "speech" in numbers else None,  # an index built before the column
            acoustic=number("acoustic", np.float32) if "acoustic" in numbers else None,
            dance=number("dance", np.float32) if "dance" in numbers else None,
            foreign_playlists=number("foreign_playlists", np.float32) if "foreign_playlists" in numbers else None,
            other_title=number("other_title", np.float32) if "other_title" in numbers else None,
            years=number("year", np.float32) if "year" in numbers else None,
            languages=number("language", np.int8) if "language" in numbers else None,
            known=number("known", np.float32) if "known" in numbers else None,
        )

    def song_languages(self) -> np.ndarray:
        """(N,) int8 the language each song is sung in (songlanguage.song_languages). The build stores it:
        reading every title and artist name again took about a third of the recommender's start-up."""
        if self.languages is not None:
            return self.languages
        from .songlanguage import song_languages

        return song_languages(self.titles, self.genres, self.artist_ids, self.artists, self.foreign_playlists,
                              self.other_title)

    def measured_energy(self, only: bool = False) -> np.ndarray:
        """(N,) bool: songs whose drive comes from audio (Spotify's); unless `only`, all songs when
        none has it (then drive is the tag arousal everywhere)."""
        audio = np.array([str(song_id).startswith("sp") for song_id in self.song_ids], bool)
        return audio if audio.any() or only else np.ones(len(self), bool)

    def theme_texts(self) -> list[str]:
        """What a song's theme is read from: its title without version notes."""
        from .songkeys import clean_title

        return [clean_title(str(title)) for title in self.titles]

    def songs_by_combination(self, combinations: list[tuple[str, ...]]) -> list[np.ndarray]:
        """For a tagged catalog, (C,) lists of the songs whose label set is each combination."""
        position = {"|".join(c): i for i, c in enumerate(combinations)}
        buckets: list[list[int]] = [[] for _ in combinations]
        for song, labels in enumerate(self.labels):
            if labels in position:
                buckets[position[labels]].append(song)
        return [np.array(b, np.int64) for b in buckets]


def _title_readings(rows: list[SongRow]) -> np.ndarray:
    """(N,) float32 titlereading's confidence each row's title is in another language: the source's own
    reading where its reader took one (read_spotify, for its playlists), read here for the others."""
    from .titlereading import other_language_confidences

    readings = np.array([row.other_title for row in rows], np.float32)
    unread = np.flatnonzero(np.isnan(readings))
    if len(unread):
        readings[unread] = other_language_confidences([rows[i].title for i in unread])
    return readings


def _standardised(values: np.ndarray) -> np.ndarray:
    spread = values.std(axis=0)
    return (values - values.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
