"""Pure array maths for ranking emotion combinations and picking songs.

Nothing here loads a model or touches files: every function takes embeddings
or affect arrays and returns arrays, so it is checked on hand-made vectors.
The per-set and per-song loops are in kernels.py.
Shapes: L labels, C combinations, N songs, B queries, D = 384.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from . import kernels


def _floats(values) -> np.ndarray:
    return np.ascontiguousarray(values, np.float32)


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
        sizes = np.array([len(s) for s in sets], np.int32)
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int32)
        members = np.array([i for s in sets for i in s], np.int32)
        return cls(members, offsets, sizes)

    @cached_property
    def label_count(self) -> int:
        return int(self.members.max(initial=-1)) + 1

    @cached_property
    def padded_members(self) -> np.ndarray:
        """(C, S) each set's labels, padded with label_count (a label in no set) to the longest set."""
        padded = np.full((len(self.sizes), int(self.sizes.max(initial=0))), self.label_count, np.int32)
        padded[np.repeat(np.arange(len(self.sizes)), self.sizes), _positions(self.sizes)] = self.members
        return padded

    @cached_property
    def label_columns(self) -> tuple[list[np.ndarray], np.ndarray]:
        """kernels.set_sums_and_minima's view of the sets: per label position j, the j-th label of the sets
        longer than j, longest sets first; and (C,) each set's place in that order."""
        order = np.argsort(-self.sizes, kind="stable")
        padded = self.padded_members[order]
        columns = [np.ascontiguousarray(padded[: int(np.count_nonzero(self.sizes > j)), j])
                   for j in range(padded.shape[1])]
        return columns, np.argsort(order).astype(np.int32)

    @cached_property
    def mean_weights(self) -> np.ndarray:
        """(L, C) float32: 1/size where a label is in a set, else 0, so values @ mean_weights
        is every set's mean of per-label values in one matrix product."""
        weights = np.zeros((self.label_count, len(self.sizes)), np.float32)
        sets = np.repeat(np.arange(len(self.sizes)), self.sizes)
        np.add.at(weights, (self.members, sets), 1.0 / np.repeat(self.sizes, self.sizes))  # a label may repeat
        return weights

    def sums_and_minima(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(B, C) sum and minimum over each set's labels of per-label values (B, L)."""
        return kernels.set_sums_and_minima(_floats(values), *self.label_columns)


def _positions(sizes: np.ndarray) -> np.ndarray:
    """(sum(sizes),) 0, 1, ... size - 1 for each set in turn."""
    starts = np.repeat(np.cumsum(sizes) - sizes, sizes)
    return np.arange(int(sizes.sum())) - starts


def label_similarities(queries: np.ndarray, label_embeddings: np.ndarray) -> np.ndarray:
    """(B, L) cosine similarity of unit-length queries (B, D) to unit-length labels (L, D)."""
    return queries @ label_embeddings.T


def combination_sums(values: np.ndarray, combinations: Combinations) -> np.ndarray:
    """(B, C) sum over each combination's labels of per-label values (B, L)."""
    return combinations.sums_and_minima(values)[0]


def mean_label_similarity(similarities: np.ndarray, combinations: Combinations) -> np.ndarray:
    """The original score: (B, C) mean cosine between the query and each combination's labels,
    for all combinations in one vectorised step."""
    return _floats(similarities)[:, : combinations.label_count] @ combinations.mean_weights  # later labels: in no set


def centroid_norms(label_embeddings: np.ndarray, combinations: Combinations) -> np.ndarray:
    """(C,) length of the mean of each combination's unit label vectors (1 for one label)."""
    sums = np.add.reduceat(label_embeddings[combinations.members], combinations.offsets, axis=0)
    return np.linalg.norm(sums, axis=1) / combinations.sizes


@dataclass(frozen=True)
class Weights:
    """How much each signal counts in the improved ranking."""

    whole_set: float = 1.0
    weakest_label: float = 0.35
    affect: float = 0.12
    size_prior: float = 0.03
    overlap_penalty: float = 0.6


@dataclass(frozen=True)
class ImprovedRanking:
    """The improved score's per-combination terms, worked out once so a query only adds its own.

    whole_set: cosine between the query and the set's centroid direction (the mean similarity
    over the centroid's length), so a coherent multi-label set is no longer beaten by its best
    single label; weakest_label: the least similar member still has to fit; affect: closeness of
    the set's (valence, arousal) to the query's; size_prior: a mild log-size bonus, favouring
    sets that say more than one word.
    """

    combinations: Combinations
    whole_scale: np.ndarray  # (C,) whole_set weight / (size * centroid norm)
    set_affect: np.ndarray  # (C, 2)
    bonus: np.ndarray  # (C,) size prior
    weights: Weights

    @classmethod
    def of(cls, combinations: Combinations, norms: np.ndarray, combination_affect: np.ndarray,
           weights: Weights = Weights()) -> ImprovedRanking:
        combinations.label_columns  # noqa: B018 - worked out now, not on the first query
        return cls(combinations, _floats(weights.whole_set / (combinations.sizes * norms)),
                   _floats(combination_affect), _floats(weights.size_prior * np.log(combinations.sizes)), weights)

    def scores(self, similarities: np.ndarray, query_affect: np.ndarray) -> np.ndarray:
        """(B, C) for similarities (B, L) and the queries' (valence, arousal) (B, 2)."""
        sets = self.combinations
        return kernels.improved_scores(_floats(similarities), *sets.label_columns, self.whole_scale,
                                       np.float32(self.weights.weakest_label), self.set_affect,
                                       np.float32(self.weights.affect), self.bonus, _floats(query_affect))


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k highest of a (C,) score vector, best first (ties by index)."""
    k = min(k, len(scores))
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.lexsort((part, -scores[part]))]


@dataclass(frozen=True)
class SongSpace:
    """Songs as points in affect space (N, 2) with an integer artist id each (N,)."""

    affect: np.ndarray
    artists: np.ndarray

    @classmethod
    def of(cls, affect: np.ndarray, artists: np.ndarray) -> SongSpace:
        return cls(_floats(affect).reshape(-1, 2), np.ascontiguousarray(artists, np.int32))

    def no_artists(self) -> np.ndarray:
        """A fresh (artists,) mask for nearest(blocked_artists=...)."""
        return np.zeros(int(self.artists.max(initial=-1)) + 1, bool)

    def nearest(self, target: np.ndarray, count: int, *, excluded: np.ndarray | None = None,
                blocked_artists: np.ndarray | None = None, candidates: np.ndarray | None = None) -> list[int]:
        """Up to `count` songs closest to target (2,), nearest first, no artist twice.

        excluded: (N,) bool, songs not to offer; blocked_artists: (artists,) bool, artists not to
        offer; candidates: the song indices to choose from (default all), ties go to the earlier.
        """
        excluded = np.zeros(len(self.affect), bool) if excluded is None else np.asarray(excluded, bool)
        blocked_artists = self.no_artists() if blocked_artists is None else np.asarray(blocked_artists, bool)
        return kernels.nearest_per_artist(np.asarray(target, np.float64), self.affect, self.artists, candidates,
                                          excluded, blocked_artists, count)


