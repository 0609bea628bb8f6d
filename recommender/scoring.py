"""Pure array maths for ranking emotion combinations and picking songs.

Nothing here loads a model or touches files: every function takes embeddings
or affect arrays and returns arrays, so it is checked on hand-made vectors.
Shapes: L labels, C combinations, N songs, B queries, D = 384.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Combinations:
    """Emotion combinations as a ragged array of label indices.

    members: (nnz,) label index of each membership, combination by combination;
    offsets: (C,) where each combination starts in members; sizes: (C,).
    """

    members: np.ndarray
    offsets: np.ndarray
    sizes: np.ndarray

    @classmethod
    def from_sets(cls, sets: list[list[int]]) -> Combinations:
        sizes = np.array([len(s) for s in sets], np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        members = np.array([i for s in sets for i in s], np.int64)
        return cls(members, offsets, sizes)

    def labels_of(self, combination: int) -> np.ndarray:
        start = self.offsets[combination]
        return self.members[start : start + self.sizes[combination]]


def label_similarities(queries: np.ndarray, label_embeddings: np.ndarray) -> np.ndarray:
    """(B, L) cosine similarity of unit-length queries (B, D) to unit-length labels (L, D)."""
    return queries @ label_embeddings.T


def combination_sums(values: np.ndarray, combinations: Combinations) -> np.ndarray:
    """(B, C) sum over each combination's labels of per-label values (B, L)."""
    return np.add.reduceat(values[:, combinations.members], combinations.offsets, axis=1)


def mean_label_similarity(similarities: np.ndarray, combinations: Combinations) -> np.ndarray:
    """The original score: (B, C) mean cosine between the query and each combination's labels."""
    return combination_sums(similarities, combinations) / combinations.sizes


def centroid_norms(label_embeddings: np.ndarray, combinations: Combinations) -> np.ndarray:
    """(C,) length of the mean of each combination's unit label vectors (1 for one label)."""
    sums = np.add.reduceat(label_embeddings[combinations.members], combinations.offsets, axis=0)
    return np.linalg.norm(sums, axis=1) / combinations.sizes


@dataclass(frozen=True)
class Weights:
    """How much each signal counts in the improved ranking (tuned in benchmarks/tune_scoring.py)."""

    whole_set: float = 1.0
    weakest_label: float = 0.35
    affect: float = 0.12
    size_prior: float = 0.03
    overlap_penalty: float = 0.6


def combination_scores(
    similarities: np.ndarray,
    combinations: Combinations,
    norms: np.ndarray,
    combination_affect: np.ndarray,
    query_affect: np.ndarray,
    weights: Weights = Weights(),
) -> np.ndarray:
    """(B, C) improved score: sets that fit as a whole, with no weak member, in the query's affect.

    whole_set: cosine between the query and the set's centroid direction, so a
    coherent multi-label set is no longer beaten by its best single label;
    weakest_label: the least similar member still has to fit;
    affect: closeness of the set's (valence, arousal) (C, 2) to the query's (B, 2);
    size_prior: a mild log-size bonus, favouring sets that say more than one word.
    """
    means = mean_label_similarity(similarities, combinations)
    whole = means / norms
    weakest = np.minimum.reduceat(similarities[:, combinations.members], combinations.offsets, axis=1)
    distance = np.linalg.norm(query_affect[:, None, :] - combination_affect[None, :, :], axis=2)
    return (
        weights.whole_set * whole
        + weights.weakest_label * weakest
        - weights.affect * distance
        + weights.size_prior * np.log(combinations.sizes)
    )


def pick_distinct(
    scores: np.ndarray, combinations: Combinations, count: int, *, overlap_penalty: float, pool: int = 200
) -> list[int]:
    """Greedy top-`count` of one query's (C,) scores, each pick penalised by its label overlap
    (Jaccard) with those already picked, so the three moods say different things."""
    pool = min(pool, len(scores))
    candidates = np.argpartition(-scores, pool - 1)[:pool]
    candidates = candidates[np.argsort(-scores[candidates], kind="stable")]
    label_sets = {int(c): set(combinations.labels_of(c).tolist()) for c in candidates}
    picked: list[int] = []
    while len(picked) < min(count, pool):
        best, best_value = -1, -np.inf
        for candidate in candidates:
            candidate = int(candidate)
            if candidate in picked:
                continue
            overlap = max((_jaccard(label_sets[candidate], label_sets[p]) for p in picked), default=0.0)
            value = scores[candidate] - overlap_penalty * overlap
            if value > best_value:
                best, best_value = candidate, value
        picked.append(best)
    return picked


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b)


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k highest of a (C,) score vector, best first (ties by index)."""
    k = min(k, len(scores))
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.lexsort((part, -scores[part]))]


def nearest_songs(
    target: np.ndarray,
    song_affect: np.ndarray,
    song_artists: np.ndarray,
    count: int,
    *,
    excluded: np.ndarray | None = None,
    candidates: np.ndarray | None = None,
) -> list[int]:
    """Up to `count` songs closest to target (2,) in affect space (N, 2), no artist twice.

    artists: (N,) integer artist ids; excluded: (N,) bool mask of songs not to offer;
    candidates: optional subset of song indices to choose from.
    """
    pool = np.arange(len(song_affect)) if candidates is None else np.asarray(candidates)
    if excluded is not None:
        pool = pool[~excluded[pool]]
    distance = np.linalg.norm(song_affect[pool] - target, axis=1)
    chosen: list[int] = []
    artists: set[int] = set()
    for order in _closest_first(distance, window=max(count * 8, 64)):
        for position in order:
            song = int(pool[position])
            if song_artists[song] in artists:
                continue
            chosen.append(song)
            artists.add(int(song_artists[song]))
            if len(chosen) == count:
                return chosen
    return chosen


def _closest_first(distance: np.ndarray, window: int):
    """Positions by increasing distance: a cheap partial sort first, the full sort only if needed."""
    if len(distance) <= window:
        yield np.argsort(distance, kind="stable")
        return
    head = np.argpartition(distance, window - 1)[:window]
    head = head[np.lexsort((head, distance[head]))]
    yield head
    rest = np.setdiff1d(np.arange(len(distance)), head, assume_unique=True)
    yield rest[np.lexsort((rest, distance[rest]))]
