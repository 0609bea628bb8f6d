"""The hot loops of a suggestion, in plain numpy.

Each computes exactly what its definition says (sum and minimum over a set's labels, nearest song
per artist, the top of a score vector), ties included. They were numba kernels; numba and its
LLVM runtime cost ~125 MB of resident memory just to import, a third of the bot's budget on a
small server, while numpy does each in well under a millisecond a query:
- set sums and minima: one step per label position over the sets that long (`reduceat` took
  ten times longer in batches);
- nearest per artist: distances to every candidate, then a walk over the nearest few in order;
- top positions: a threshold read off a strided sample, one comparison pass;
- cue readings: how clearly a description is what a few cue phrases say (a sleeper, a party, a
  calm practice), shared by the song score and the mood gate.
The mood sets' distinct picks are moodpicking.MoodPicker's. Arrays: float32 values, int32 indices.
"""

from __future__ import annotations

import functools

import numpy as np


def set_sums_and_minima(values: np.ndarray, columns: list[np.ndarray], inverse: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(B, C) sum and minimum over each set's labels of values (B, L), summed left to right in float32
    as a loop over the set's labels would (the same bits).

    columns[j]: the j-th label of every set with more than j labels, the sets ordered longest first
    (so those sets are a prefix of that order); inverse: (C,) each set's place in that order. One
    step per label position (at most the longest set's size) instead of one per set."""
    sums = values[:, columns[0]]
    minima = sums.copy()
    for column in columns[1:]:
        labels = values[:, column]
        sums[:, : len(column)] += labels
        np.minimum(minima[:, : len(column)], labels, out=minima[:, : len(column)])
    return sums[:, inverse], minima[:, inverse]


def improved_scores(similarities: np.ndarray, columns: list[np.ndarray], inverse: np.ndarray, whole_scale: np.ndarray,
                    weakest_weight: np.float32, set_affect: np.ndarray, affect_weight: np.float32,
                    bonus: np.ndarray, query_affect: np.ndarray) -> np.ndarray:
    """(B, C) whole_scale * sum + weakest_weight * minimum - affect_weight * affect distance + bonus.

    similarities (B, L); set_affect (C, 2); query_affect (B, 2); whole_scale and bonus (C,); all float32."""
    sums, minima = set_sums_and_minima(similarities, columns, inverse)
    out = sums
    out *= whole_scale
    minima *= weakest_weight
    out += minima
    dv = query_affect[:, :1] - set_affect[:, 0]
    da = query_affect[:, 1:] - set_affect[:, 1]
    dv *= dv
    da *= da
    dv += da
    distance = np.sqrt(dv, out=dv)
    distance *= affect_weight
    out -= distance
    out += bonus
    return out


def nearest_per_artist(target: np.ndarray, affect: np.ndarray, artists: np.ndarray, candidates: np.ndarray | None,
                       blocked_song: np.ndarray, blocked_artist: np.ndarray, count: int) -> list[int]:
    """Up to `count` candidates (default: every song) nearest to target (2,) in affect (N, 2), at most one
    per artist, skipping blocked songs and artists; nearest first, equal distances by song index.
    (Distances are compared squared, in float64: same order, no square root.)"""
    songs = np.arange(len(affect)) if candidates is None else np.asarray(candidates, np.int64)
    allowed = ~blocked_song[songs] & ~blocked_artist[artists[songs]]
    songs = songs[allowed]
    if not len(songs) or count <= 0:
        return []
    dv = affect[songs, 0] - target[0]
    da = affect[songs, 1] - target[1]
    squared = dv * dv + da * da
    window = min(len(songs), max(64, count * 16))
    while True:
        if window < len(songs):  # the `window` nearest, and every song as near as the farthest of them
            near = np.flatnonzero(squared <= np.partition(squared, window - 1)[window - 1])
        else:
            near = np.arange(len(songs))
        chosen: list[int] = []
        seen: set[int] = set()
        for position in near[np.lexsort((songs[near], squared[near]))]:
            artist = int(artists[songs[position]])
            if artist not in seen:
                seen.add(artist)
                chosen.append(int(songs[position]))
                if len(chosen) == count:
                    return chosen
        if len(near) == len(songs):
            return chosen
        window = min(len(songs), window * 8)


SAMPLE_STEP = 16  # every 16th value estimates where the top `count` begin


def top_positions(values: np.ndarray, count: int) -> np.ndarray:
    """Positions of the `count` largest values (1-D), in no particular order; ties at the edge may
    bring a few more. A threshold read off a strided sample finds them in one comparison pass, about
    four times cheaper than argpartition over the 42,000 songs a pick scans 8 times an answer; when
    the sample misjudges (too few above it), argpartition decides."""
    size = len(values)
    if count >= size:
        return np.arange(size)
    sample = values[::SAMPLE_STEP]
    rank = count // SAMPLE_STEP + 1
    if len(sample) > 4 * rank:
        threshold = np.partition(sample, len(sample) - 4 * rank)[len(sample) - 4 * rank]
        above = np.flatnonzero(values >= threshold)
        if count <= len(above) <= 64 * count:
            return above
    return np.argpartition(values, size - count)[size - count:]


def cue_readings(embeddings: np.ndarray, cues: np.ndarray, spec: tuple) -> np.ndarray:
    """(B,) 0-1 how clearly each description (B, D) is what its nearest cue (K, D) says: 0 up to that
    cue's start cosine, 1 from its full cosine on, as spec's (text, start, full) give them."""
    try:
        starts, spans = _cue_bounds(spec)
    except TypeError:  # a table that cannot be a key (lists in it): built for this reading alone
        starts, spans = _cue_bounds.__wrapped__(spec)
    closeness = np.asarray(embeddings, np.float32) @ np.asarray(cues, np.float32).T
    return np.clip((closeness - starts) / spans, 0.0, 1.0).max(axis=1)


@functools.lru_cache(maxsize=256)
def _cue_bounds(spec: tuple) -> tuple[np.ndarray, np.ndarray]:
    """(K,) float32 start cosines and full - start spans of a cue table, built once per table (a
    description reads a dozen tables, each twice an answer)."""
    starts = np.array([start for _, start, _ in spec], np.float32)
    spans = np.array([full for _, _, full in spec], np.float32) - starts
    starts.setflags(write=False)
    spans.setflags(write=False)
    return starts, spans
