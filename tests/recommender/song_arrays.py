"""Hand-made song arrays for the scoring tests: songs alike in every way a test does not vary."""

import numpy as np

from recommender.songscore import SLOT_ROLES, SongFeatures, scene_terms, song_scores


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, np.float32)
    return vector / np.linalg.norm(vector)


def slot_totals(popularity) -> list[tuple[tuple[float, float, float], np.ndarray]]:
    """Songs that differ only in Spotify popularity (0-1), with no title near the scene: each slot
    role (SLOT_ROLES) with every song's total in it."""
    count = len(popularity)
    features = SongFeatures.of(np.zeros((count, 2), np.float32), np.array(popularity, np.float32),
                               np.zeros(count, np.float32), np.tile(unit(0, 0, 1), (count, 1)),
                               np.zeros((0, 3), np.float32))
    query = unit(1, 0, 0)
    scene = scene_terms(features, 0.0, features.theme_similarities(query), features.occasion_shortfall(query))
    terms = song_scores(features, np.zeros(2, np.float32), scene)
    return [(role, terms.total(*role)) for role in SLOT_ROLES]
