"""Pure array maths for ranking emotion combinations and picking songs.

Nothing here loads a model or touches files: every function takes embeddings
or affect arrays and returns arrays, so it is checked on hand-made vectors.
Shapes: L labels, C combinations, N songs, B queries, D = 384.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

HEAD_WIDTH = 5  # labels per combination handled by whole-array ops; 91% of MuSe's sets have at most 5


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

    @cached_property
    def layout(self) -> _Layout:
        """The same sets laid out for a few whole-array operations per query (built once)."""
        return _Layout.of(self)


@dataclass(frozen=True)
class _Layout:
    """Per-set reductions without a per-set loop (np.ufunc.reduceat costs ~25 ns a set).

    head: (w, C) label at position j of each set, padded by repeating its last label;
    pads: (C,) how many of its head cells are padding; last: (C,) its last label;
    tail_rows / tail_members / tail_offsets: the labels beyond position w of the few larger
    sets, ragged; label_sets: (L, C) bool, whether each label is in each set (for overlaps).
    """

    head: np.ndarray
    pads: np.ndarray
    last: np.ndarray
    tail_rows: np.ndarray
    tail_members: np.ndarray
    tail_offsets: np.ndarray
    label_sets: np.ndarray
    log_sizes: np.ndarray

    @classmethod
    def of(cls, combinations: Combinations) -> _Layout:
        members, offsets, sizes = combinations.members, combinations.offsets, combinations.sizes
        width = int(min(HEAD_WIDTH, sizes.max(initial=1)))
        ends = offsets + sizes - 1
        head = members[np.minimum(offsets[None, :] + np.arange(width)[:, None], ends[None, :])]
        tail_rows = np.flatnonzero(sizes > width)
        tail_sizes = sizes[tail_rows] - width
        beyond = np.arange(len(members)) - np.repeat(offsets, sizes) >= width
        label_sets = np.zeros((int(members.max(initial=-1)) + 1, len(sizes)), bool)
        label_sets[members, np.repeat(np.arange(len(sizes)), sizes)] = True
        return cls(
            head=np.ascontiguousarray(head),
            pads=np.maximum(width - sizes, 0).astype(np.float32),
            last=members[ends],
            tail_rows=tail_rows,
            tail_members=members[beyond],
            tail_offsets=np.concatenate([[0], np.cumsum(tail_sizes)[:-1]]).astype(np.int64),
            label_sets=label_sets,
            log_sizes=np.log(sizes),
        )

    def sums_and_minima(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(B, C) sum and minimum over each set's labels of per-label values (B, L)."""
        cells = values.take(self.head, axis=1)  # (B, w, C); take is ~2x faster than [:, head] here
        sums = cells.sum(axis=1) - self.pads * values.take(self.last, axis=1)
        minima = cells.min(axis=1)
        if len(self.tail_rows):
            tail = values.take(self.tail_members, axis=1)
            sums[:, self.tail_rows] += np.add.reduceat(tail, self.tail_offsets, axis=1)
            minima[:, self.tail_rows] = np.minimum(minima[:, self.tail_rows],
                                                   np.minimum.reduceat(tail, self.tail_offsets, axis=1))
        return sums, minima


def label_similarities(queries: np.ndarray, label_embeddings: np.ndarray) -> np.ndarray:
    """(B, L) cosine similarity of unit-length queries (B, D) to unit-length labels (L, D)."""
    return queries @ label_embeddings.T


def combination_sums(values: np.ndarray, combinations: Combinations) -> np.ndarray:
    """(B, C) sum over each combination's labels of per-label values (B, L)."""
    return combinations.layout.sums_and_minima(values)[0]


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
    sums, weakest = combinations.layout.sums_and_minima(similarities)
    whole = sums / combinations.sizes / norms
    dx = query_affect[:, :1] - combination_affect[:, 0]
    dy = query_affect[:, 1:2] - combination_affect[:, 1]
    distance = np.sqrt(dx * dx + dy * dy)  # (B, C) Euclidean distance in affect space
    return (
        weights.whole_set * whole
        + weights.weakest_label * weakest
        - weights.affect * distance
        + weights.size_prior * combinations.layout.log_sizes
    )


def pick_distinct(
    scores: np.ndarray, combinations: Combinations, count: int, *, overlap_penalty: float, pool: int = 200
) -> list[int]:
    """Greedy top-`count` of one query's (C,) scores, each pick penalised by its label overlap
    (Jaccard) with those already picked, so the three moods say different things."""
    pool = min(pool, len(scores))
    candidates = np.argpartition(-scores, pool - 1)[:pool]
    candidates = candidates[np.argsort(-scores[candidates], kind="stable")]
    label_sets, sizes = combinations.layout.label_sets, combinations.sizes[candidates]
    overlap = np.zeros(pool)  # each candidate's largest Jaccard overlap with a pick so far
    taken = np.zeros(pool, bool)
    picked: list[int] = []
    for _ in range(min(count, pool)):
        value = scores[candidates] - overlap_penalty * overlap
        value[taken] = -np.inf
        best = int(np.argmax(value))  # the first of equals, in score order
        picked.append(best)
        taken[best] = True
        if len(picked) < count:
            shared = label_sets[combinations.labels_of(candidates[best])[:, None], candidates].sum(axis=0)
            np.maximum(overlap, shared / (sizes + sizes[best] - shared), out=overlap)
    return [int(c) for c in candidates[picked]]


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
    if candidates is None:  # the whole catalog: distances over contiguous columns, no row gather
        pool = np.arange(len(song_affect)) if excluded is None else np.flatnonzero(~excluded)
        points = song_affect
    else:
        pool = np.asarray(candidates)
        if excluded is not None:
            pool = pool[~excluded[pool]]
        points = song_affect[pool]
    dx, dy = points[:, 0] - target[0], points[:, 1] - target[1]
    distance = np.sqrt(dx * dx + dy * dy)  # = np.linalg.norm(points - target, axis=1), minus its per-row reduction
    if len(distance) != len(pool):
        distance = distance[pool]
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
