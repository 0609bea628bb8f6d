"""The ranking maths on vectors small enough to check by hand."""

import numpy as np
import pytest

from recommender import scoring

# Three labels on the unit circle (plus a zero third axis): a at 0°, b at 90°, c at 180°.
LABELS = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [-1.0, 0.0, 0.0]], np.float32)
SETS = scoring.Combinations.from_sets([[0], [0, 1], [1, 2], [0, 1, 2]])


def test_original_score_is_the_mean_cosine_of_each_combinations_labels():
    query = np.array([[1.0, 0.0, 0.0]], np.float32)
    sims = scoring.label_similarities(query, LABELS)
    assert sims.tolist() == [[1.0, 0.0, -1.0]]
    means = scoring.mean_label_similarity(sims, SETS)
    assert means[0] == pytest.approx([1.0, 0.5, -0.5, 0.0])


def test_a_label_repeated_in_a_set_counts_each_time_like_the_original_loop():
    """MuSe has ('apocalyptic', 'martial', 'martial'): the original mean counts 'martial' twice."""
    sims = np.array([[0.9, 0.3, 0.0]], np.float32)
    sets = scoring.Combinations.from_sets([[0, 1, 1], [1]])
    assert scoring.mean_label_similarity(sims, sets)[0] == pytest.approx([0.5, 0.3])


def test_centroid_norm_is_one_for_a_single_label_and_shrinks_for_spread_sets():
    norms = scoring.centroid_norms(LABELS, SETS)
    assert norms == pytest.approx([1.0, np.sqrt(2) / 2, np.sqrt(2) / 2, 1 / 3])


def test_whole_set_fit_lets_a_coherent_pair_beat_its_best_single_label():
    """A query halfway between a and b fits the set {a, b} exactly; the original mean ties it with {a}."""
    query = np.array([[np.sqrt(0.5), np.sqrt(0.5), 0.0]], np.float32)
    sims = scoring.label_similarities(query, LABELS)
    original = scoring.mean_label_similarity(sims, SETS)[0]
    assert original[0] > original[1] - 1e-6  # the single label is at least as good under the original mean
    affect = np.zeros((4, 2))
    ranking = scoring.ImprovedRanking.of(SETS, scoring.centroid_norms(LABELS, SETS), affect,
                                         scoring.Weights(weakest_label=0.0, affect=0.0, size_prior=0.0))
    improved = ranking.scores(sims, np.zeros((1, 2)))[0]
    assert improved[1] == pytest.approx(1.0, abs=1e-6)  # cosine to the {a, b} centroid
    assert improved.argmax() == 1


def test_affect_distance_breaks_ties_towards_the_querys_mood():
    sims = np.zeros((1, 3), np.float32)
    affect = np.array([[1.0, 1.0], [-1.0, -1.0], [0.0, 0.0], [2.0, 2.0]])
    ranking = scoring.ImprovedRanking.of(SETS, np.ones(4), affect,
                                         scoring.Weights(whole_set=0, weakest_label=0, affect=1.0, size_prior=0))
    scores = ranking.scores(sims, np.array([[-1.0, -1.0]]))
    assert scores[0].argmax() == 1


def test_top_k_orders_best_first_with_ties_by_index():
    assert scoring.top_k(np.array([0.1, 0.9, 0.5, 0.9]), 3).tolist() == [1, 3, 2]


def test_nearest_takes_the_closest_never_an_artist_twice_nor_an_excluded_song():
    affect = np.array([[0.0, 0.0], [0.1, 0.0], [0.2, 0.0], [3.0, 3.0], [0.05, 0.0]], np.float32)
    artists = np.array([0, 0, 1, 2, 3])
    space = scoring.SongSpace.of(affect, artists)
    assert space.nearest(np.zeros(2), 3) == [0, 4, 2]
    excluded = np.array([True, False, False, False, False])
    assert space.nearest(np.zeros(2), 3, excluded=excluded) == [4, 1, 2]
    assert space.nearest(np.zeros(2), 9, candidates=np.array([3, 2])) == [2, 3]


def test_sums_and_weakest_labels_hold_for_sets_of_every_size():
    """Sets from one label up to eight, the weakest first, middle or last (long sets take another path)."""
    values = np.array([[3.0, -1.0, 4.0, 1.0, -5.0, 9.0, 2.0, 6.0]])
    sets = scoring.Combinations.from_sets([[0], [1, 2], [0, 2, 3, 5, 6, 7, 1, 4], [7, 5, 3, 0, 2, 1], [6]])
    assert scoring.combination_sums(values, sets)[0].tolist() == [3.0, 3.0, 19.0, 22.0, 2.0]
    only_weakest = scoring.Weights(whole_set=0.0, weakest_label=1.0, affect=0.0, size_prior=0.0)
    weakest = scoring.ImprovedRanking.of(sets, np.ones(5), np.zeros((5, 2)), only_weakest).scores(values, np.zeros((1, 2)))
    assert weakest[0].tolist() == [3.0, -1.0, -5.0, -1.0, 2.0]


def _nearest_by_walking(target, affect, artists, count, excluded, blocked_artists):
    """The definition, slowly: songs by (squared distance, index), the first of each artist."""
    squared = ((affect.astype(np.float64) - target) ** 2).sum(axis=1)
    chosen, seen = [], set(np.flatnonzero(blocked_artists))
    for song in np.lexsort((np.arange(len(affect)), squared)):
        if not excluded[song] and artists[song] not in seen:
            chosen.append(int(song))
            seen.add(artists[song])
    return chosen[:count]


def test_nearest_search_near_the_target_finds_what_walking_the_whole_catalog_finds():
    """Coarse affect values make many exact ties; some songs and artists are ruled out."""
    rng = np.random.default_rng(3)
    affect = np.round(rng.normal(size=(3000, 2)), 1).astype(np.float32)
    artists = rng.integers(0, 700, size=3000)
    space = scoring.SongSpace.of(affect, artists)
    for trial in range(60):
        target = rng.normal(size=2) * (1 + trial % 3)
        excluded = rng.random(3000) < 0.2
        blocked = rng.random(700) < 0.1
        count = int(rng.integers(1, 12))
        expected = _nearest_by_walking(target, affect, artists, count, excluded, blocked)
        assert space.nearest(target, count, excluded=excluded, blocked_artists=blocked.copy()) == expected
        subset = np.sort(rng.choice(3000, 400, replace=False))
        outside = np.ones(3000, bool)
        outside[subset] = False
        assert space.nearest(target, count, excluded=excluded, blocked_artists=blocked.copy(),
                             candidates=subset) == _nearest_by_walking(target, affect, artists, count,
                                                                       excluded | outside, blocked)
