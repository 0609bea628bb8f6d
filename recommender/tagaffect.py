"""Deezer's mood-tag reading of each catalog song's feeling, a second opinion beside Spotify's audio.

Spotify's valence is the sound's: Pearl Jam's "Last Kiss" (a fatal crash) sounds bright. Deezer's mood
catalog reads a song from its listeners' tags ("Last Kiss" -1.21 sd of valence), and about 1,070 of
Spotify's songs are in it too. Songs are matched as the catalog keeps each song once (songkeys).
"""

from __future__ import annotations

import numpy as np

from .catalog import Catalog, _standardised
from .datasets import SongRow
from .songkeys import song_keys


def tag_readings(catalog: Catalog, deezer: list[SongRow]) -> np.ndarray:
    """(N, 2) float32 Deezer's tag valence and arousal of each catalog song, in standard deviations of
    Deezer's own catalog (as Catalog.from_sources scales it: a Deezer song reads its own affect); NaN
    for a song Deezer's catalog does not have. A Deezer song spelled twice counts as its first row."""
    readings = np.full((len(catalog), 2), np.nan, np.float32)
    if not deezer:
        return readings
    scaled = _standardised(np.array([(row.valence, row.arousal) for row in deezer], np.float64))
    by_key: dict[str, int] = {}
    for position, row in enumerate(deezer):
        for key in song_keys(row.artist, row.title):
            by_key.setdefault(key, position)
    for song, (artist, title) in enumerate(zip(catalog.artists, catalog.titles)):
        found = next((by_key[key] for key in song_keys(str(artist), str(title)) if key in by_key), None)
        if found is not None:
            readings[song] = scaled[found]
    return readings
