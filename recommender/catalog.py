"""The song catalog: who, what, where to listen, and its affect on the common scale."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .datasets import SongRow


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
    artist_ids: np.ndarray

    def __len__(self) -> int:
        return len(self.song_ids)

    @classmethod
    def from_rows(cls, kind: str, rows: list[SongRow]) -> Catalog:
        """Standardise each source's affect to its own mean and spread: the common scale."""
        raw = np.array([(row.valence, row.arousal) for row in rows], np.float64)
        scaled = (raw - raw.mean(axis=0)) / np.where(raw.std(axis=0) > 0, raw.std(axis=0), 1.0)
        artists = np.array([row.artist for row in rows], dtype=object)
        _, artist_ids = np.unique(np.char.lower(artists.astype(str)), return_inverse=True)
        return cls(
            kind=kind,
            song_ids=np.array([row.song_id for row in rows], dtype=object),
            artists=artists,
            titles=np.array([row.title for row in rows], dtype=object),
            urls=np.array([row.url for row in rows], dtype=object),
            affect=scaled.astype(np.float32),
            labels=np.array(["|".join(row.labels) for row in rows], dtype=object),
            artist_ids=artist_ids.astype(np.int64),
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
            }
        ).to_csv(path, index=False)

    @classmethod
    def load(cls, path: Path, kind: str) -> Catalog:
        import pandas as pd

        text_columns = {"song_id": str, "artist": str, "title": str, "url": str, "labels": str}
        frame = pd.read_csv(path, dtype=text_columns, keep_default_na=False)
        return cls(
            kind=kind,
            song_ids=frame["song_id"].to_numpy(object),
            artists=frame["artist"].to_numpy(object),
            titles=frame["title"].to_numpy(object),
            urls=frame["url"].to_numpy(object),
            affect=frame[["valence", "arousal"]].to_numpy(np.float32),
            labels=frame["labels"].to_numpy(object),
            artist_ids=frame["artist_id"].to_numpy(np.int64),
        )

    def songs_by_combination(self, combinations: list[tuple[str, ...]]) -> list[np.ndarray]:
        """For a tagged catalog, (C,) lists of the songs whose label set is each combination."""
        position = {"|".join(c): i for i, c in enumerate(combinations)}
        buckets: list[list[int]] = [[] for _ in combinations]
        for song, labels in enumerate(self.labels):
            if labels in position:
                buckets[position[labels]].append(song)
        return [np.array(b, np.int64) for b in buckets]
