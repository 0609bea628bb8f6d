"""How well listeners know a song (standing.known_popularity): a classic whose one release in the
Spotify table reads low ("The Boxer" 0.18 from a 1972 compilation) counts as known, an album track
by a famous artist does not become a hit, and the engine scores songs on the estimate.

Hand-made arrays first, then the real recommender over data/.
"""

import numpy as np
import pytest

from recommender.catalog import Catalog
from recommender.datasets import SongRow
from recommender.standing import STANDARD_FLOOR, STANDARD_TOP, known_popularity

NEWEST = 2020.0


def estimate(popularity, years, artists=None, titles=None):
    size = len(popularity)
    years = [*years, NEWEST]  # the catalog's newest release sets the clock
    popularity = [*popularity, 0.9]
    artists = list(range(size)) + [size] if artists is None else [*artists, max(artists) + 1]
    titles = [f"Song {i}" for i in range(size)] + ["New"] if titles is None else [*titles, "New"]
    return known_popularity(np.array(popularity, np.float32), np.array(years, np.float32),
                            np.array(artists, np.int64), titles)[:-1]


def with_hits(popularity, years, titles=None):
    """Each song by its own artist who also has a hit at 0.8 (the artist's best bounds the floor)."""
    size = len(popularity)
    return estimate([*popularity, *[0.8] * size], [*years, *[NEWEST] * size], [*range(size), *range(size)],
                    None if titles is None else [*titles, *[f"Hit {i}" for i in range(size)]])[:size]


def test_an_old_song_whose_release_reads_low_counts_as_known():
    old, recent = with_hits([0.18, 0.18], [NEWEST - 48, NEWEST - 5])
    assert old > 0.6, "a song still in playlists 48 years on is a standard"
    assert recent == pytest.approx(0.18), "a recent song's popularity is its standing"


def test_the_floor_rises_with_age_and_never_lowers_a_song():
    values = with_hits([0.1, 0.1, 0.1, 0.1, 0.75], [NEWEST - 30, NEWEST - 35, NEWEST - 42, NEWEST - 60, NEWEST - 60])
    assert values[0] == pytest.approx(0.1)
    assert values[1] == pytest.approx(STANDARD_FLOOR)
    assert STANDARD_FLOOR < values[2] < STANDARD_TOP
    assert values[3] == pytest.approx(STANDARD_TOP)
    assert values[4] == pytest.approx(0.75), "a hit keeps its own popularity"


def test_an_old_song_never_reads_better_known_than_its_artists_best():
    alone, = estimate([0.1], [NEWEST - 50])  # the artist's only song: no hit says anyone knows it
    assert alone == pytest.approx(0.1)
    modest = estimate([0.1, 0.55], [NEWEST - 50, NEWEST - 50], [0, 0])[0]
    assert modest == pytest.approx(0.55)


def test_an_artists_whole_old_albums_share_one_lift():
    """Queen's remastered albums hold 86 tracks at ~0.3: album tracks, not standards."""
    few = estimate([0.2, 0.2, 0.8], [NEWEST - 50] * 3, [0, 0, 0])[:2]
    many = estimate([0.2] * 16 + [0.8], [NEWEST - 50] * 17, [0] * 17)[:16]
    assert np.all(few == pytest.approx(STANDARD_TOP))
    assert np.all(many < 0.35) and np.all(many > 0.2)


def test_a_remastered_reissue_counts_as_an_old_recording():
    plain, remastered = with_hits([0.25, 0.25], [NEWEST - 10] * 2, ["Imagine", "Imagine - Remastered"])
    assert plain == pytest.approx(0.25)
    assert remastered >= STANDARD_FLOOR


def test_a_song_without_popularity_stays_unknown():
    value, = estimate([np.nan], [np.nan])
    assert np.isnan(value)


def test_the_catalog_keeps_its_estimate_through_save_and_load(tmp_path):
    rows = [SongRow(f"sp{i}", artist, title, "u", 0.5, 0.5, popularity=popularity, year=year)
            for i, (artist, title, popularity, year) in enumerate(
                [("Duo", "Old Ballad", 0.18, 1970.0), ("Duo", "Hit", 0.8, 2019.0), ("New", "Single", 0.4, 2020.0)])]
    catalog = Catalog.from_rows("spotify", rows)
    assert catalog.known[0] > 0.6 and catalog.known[2] == pytest.approx(0.4)
    catalog.save(tmp_path / "catalog.csv")
    loaded = Catalog.load(tmp_path / "catalog.csv", "spotify")
    np.testing.assert_allclose(loaded.known, catalog.known, rtol=1e-6)
    np.testing.assert_allclose(loaded.popularity, catalog.popularity, rtol=1e-6)


# --- through the real recommender ----------------------------------------------------------------

def test_the_engine_scores_a_lasting_classic_as_known_not_obscure(recommender):
    """Old songs whose one release reads under 0.3, by an artist with a hit: the slots no longer mark
    them obscure, and a title on the scene counts for them (SongFeatures.known_as from the estimate)."""
    catalog = recommender._index.catalog
    features = recommender._song_features
    lifted = np.flatnonzero((catalog.popularity < 0.3) & (catalog.known >= 0.6))
    assert len(lifted) >= 10  # 18 in the 2020 table (The Boxer, Bridge over Troubled Water, ...)
    assert np.all(features.known_as[lifted] >= 0.6)
    assert np.all(features.obscurity[lifted] == 0.0)
    reissues = np.array(["remaster" in str(title).lower() for title in catalog.titles])
    recent = np.flatnonzero((catalog.years >= np.nanmax(catalog.years) - 5) & (catalog.popularity < 0.3) & ~reissues)
    assert len(recent) >= 1000
    assert np.all(features.known_as[recent] < 0.3), "a recent release's popularity is its standing"
