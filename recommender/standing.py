"""How well listeners know a song, estimated from what the catalogs hold (the build stores it as `known`).

Spotify's track_popularity is one release's plays in 2020: a classic on an old compilation reads low
("The Boxer" 0.18 from a 1972 release, "Bridge over Troubled Water" 0.06). Measured on the 640 catalog
songs a music-savvy peer named for our dev scenes (benchmarks/judging peer picks) against the other 41k,
by the share of songs named: Spotify songs under 0.6 released before 1980 are named 4.6% of the time,
like songs at 0.70 (1980-1990: 1.9%, like 0.66; 1990-2005: 0.8%, like 0.57), against 0.3% for
recent songs under 0.6; a "Remastered" release (an older recording, dated by its reissue) 4.7% even
when dated after 2000. Such a song gets a floor that rises with its age. Two limits keep album
tracks out (judges mark obscure tracks by famous artists down): the floor never passes the artist's
own best popularity, and an artist with many old songs under their floor (Queen's 86 remastered
album tracks at 0.3; songs of artists with 8 or more such songs were named 1.2% of the time, of
artists with 2 or 3 5.2%) shares one lift among them. A Deezer song taking its artist's best
Spotify popularity (less 0.15) was tried and dropped: it sent album tracks with a title on the
scene into answers ("The Police — Shadows In The Rain" for rain).
"""

from __future__ import annotations

import re

import numpy as np

STANDARD_FROM, STANDARD_FULL = 35.0, 50.0  # years before the catalog's newest release: floor from, fully at
STANDARD_FLOOR, STANDARD_TOP = 0.5, 0.65  # the floor's popularity at STANDARD_FROM and at STANDARD_FULL
REMASTER_AGE = 40.0  # a remastered release counts as at least this old
ALBUM_SONGS = 4.0  # an artist with more old songs under their floor shares the lift: each gets ALBUM_SONGS / count
_REMASTERED = re.compile(r"remaster", re.IGNORECASE)


def known_popularity(popularity: np.ndarray, years: np.ndarray, artist_ids: np.ndarray, titles) -> np.ndarray:
    """(N,) float32 on Spotify's 0-1 scale, NaN where the source gives no popularity: popularity (N,)
    raised to the floor an old song (years (N,), NaN unknown) earns, within its artist's (artist_ids (N,))
    best popularity; titles (N,) tell a remastered release."""
    popularity = np.asarray(popularity, np.float32)
    years = np.asarray(years, np.float32)
    artist_ids = np.asarray(artist_ids, np.int64)
    if not len(popularity) or not np.isfinite(years).any():
        return popularity.copy()
    age = np.nan_to_num(np.nanmax(years) - years, nan=0.0)
    remastered = np.fromiter((bool(_REMASTERED.search(str(title))) for title in titles), bool, len(popularity))
    age = np.where(remastered & np.isfinite(years), np.maximum(age, REMASTER_AGE), age)
    share = np.clip((age - STANDARD_FROM) / (STANDARD_FULL - STANDARD_FROM), 0.0, 1.0)
    floor = np.where(age >= STANDARD_FROM, STANDARD_FLOOR + share * (STANDARD_TOP - STANDARD_FLOOR), 0.0)
    floor = np.minimum(floor, _artist_best(popularity, artist_ids)).astype(np.float32)
    raised = np.flatnonzero(~np.isnan(popularity) & (floor > popularity))
    if len(raised):
        counts = np.bincount(artist_ids[raised], minlength=int(artist_ids.max()) + 1)
        strength = np.minimum(1.0, ALBUM_SONGS / counts[artist_ids[raised]]).astype(np.float32)
        floor[raised] = popularity[raised] + strength * (floor[raised] - popularity[raised])
    return np.where(np.isnan(popularity), popularity, np.maximum(popularity, floor)).astype(np.float32)


def _artist_best(popularity: np.ndarray, artist_ids: np.ndarray) -> np.ndarray:
    """(N,) float32 the best popularity among each song's artist's songs, -inf for an artist without any."""
    best = np.full(int(artist_ids.max()) + 1, -np.inf, np.float32)
    rated = ~np.isnan(popularity)
    np.maximum.at(best, artist_ids[rated], popularity[rated])
    return best[artist_ids]
