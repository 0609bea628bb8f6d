"""The three hot loops of a suggestion, compiled with numba.

Each is the plain loop from its definition (sum and minimum over a set's labels,
greedy distinct picks, nearest song per artist), which numpy could only express
through padded gathers and a sort of every candidate: compiled, one pass over
the ~29,000 memberships or ~18,600 songs takes tens of microseconds.
`cache=True` keeps the machine code in __pycache__, so only the first run on a
machine compiles (the data build does that); `nogil=True` lets threads run them
side by side. Arrays are C-contiguous: float32 values, int32 indices.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def _sum_and_minimum(values, members, start, size):
    """Sum and minimum of values (L,) over the labels members[start : start + size]."""
    total = lowest = values[members[start]]
    for position in range(start + 1, start + size):
        value = values[members[position]]
        total += value
        if value < lowest:
            lowest = value
    return total, lowest


@njit(cache=True, nogil=True)
def set_sums_and_minima(values, members, offsets, sizes, sums, minima):
    """sums, minima (B, C) <- sum and minimum over each set's labels of values (B, L)."""
    for row in range(values.shape[0]):
        for c in range(sizes.shape[0]):
            sums[row, c], minima[row, c] = _sum_and_minimum(values[row], members, offsets[c], sizes[c])


@njit(cache=True, nogil=True)
def improved_scores(similarities, members, offsets, sizes, whole_scale, weakest_weight,
                    set_affect, affect_weight, bonus, query_affect, out):
    """out (B, C) <- whole_scale * sum + weakest_weight * minimum - affect_weight * affect distance + bonus.

    similarities (B, L); set_affect (C, 2); query_affect (B, 2); whole_scale and bonus (C,).
    """
    for row in range(similarities.shape[0]):
        valence, arousal = query_affect[row, 0], query_affect[row, 1]
        for c in range(sizes.shape[0]):
            total, lowest = _sum_and_minimum(similarities[row], members, offsets[c], sizes[c])
            dv, da = valence - set_affect[c, 0], arousal - set_affect[c, 1]
            out[row, c] = (whole_scale[c] * total + weakest_weight * lowest
                           - affect_weight * np.sqrt(dv * dv + da * da) + bonus[c])


@njit(cache=True, nogil=True)
def _overlap(c, members, offsets, sizes, in_pick, picked, count):
    """Largest Jaccard overlap of set c with the first `count` picks (in_pick: their label masks)."""
    largest = 0.0
    for p in range(count):
        shared = 0
        for position in range(offsets[c], offsets[c] + sizes[c]):
            if in_pick[p, members[position]]:
                shared += 1
        if shared:
            jaccard = shared / (sizes[c] + sizes[picked[p]] - shared)
            if jaccard > largest:
                largest = jaccard
    return largest


@njit(cache=True, nogil=True)
def pick_distinct(scores, members, offsets, sizes, label_count, overlap_penalty, picked):
    """Fill picked (k,) greedily with the set of highest score - overlap_penalty * its largest
    Jaccard overlap with the sets picked before it; equal values go to the higher score, then the
    lower index. Returns how many were picked (fewer only when there are fewer sets).

    An overlap only lowers a value, so a set whose score is below the best value so far is
    skipped unseen; the sets with the top scores are valued first to make that bound tight.
    """
    total = sizes.shape[0]
    count = min(picked.shape[0], total)
    leaders = _top_indices(scores, min(total, 32))
    in_pick = np.zeros((count, label_count), np.bool_)
    taken = np.zeros(total, np.bool_)
    for k in range(count):
        best, best_value = -1, -np.inf
        for group in range(2):  # first the leaders, then everything else they have not ruled out
            stop = leaders.shape[0] if group == 0 else total
            for i in range(stop):
                c = leaders[i] if group == 0 else i
                if taken[c] or scores[c] < best_value:
                    continue
                value = scores[c] - overlap_penalty * _overlap(c, members, offsets, sizes, in_pick, picked, k)
                if best < 0 or value > best_value or (value == best_value and (
                        scores[c] > scores[best] or (scores[c] == scores[best] and c < best))):
                    best, best_value = c, value
        if best < 0:
            return k
        picked[k] = best
        taken[best] = True
        for position in range(offsets[best], offsets[best] + sizes[best]):
            in_pick[k, members[position]] = True
    return count


@njit(cache=True, nogil=True)
def _top_indices(scores, count):
    """Indices of the `count` highest scores (in no particular order), by one pass with a small buffer."""
    top = np.empty(count, np.int64)
    for i in range(count):
        top[i] = i
    lowest = 0
    for i in range(count):
        if scores[top[i]] < scores[top[lowest]]:
            lowest = i
    for c in range(count, scores.shape[0]):
        if scores[c] > scores[top[lowest]]:
            top[lowest] = c
            lowest = 0
            for i in range(count):
                if scores[top[i]] < scores[top[lowest]]:
                    lowest = i
    return top


@njit(cache=True, nogil=True)
def _before(d, song, other_d, other_song):
    """Whether (distance, index) sorts before the other: nearer, or as near and earlier."""
    return d < other_d or (d == other_d and song < other_song)


@njit(cache=True, nogil=True)
def _offer(song, d, artist, chosen, distance, owner, filled):
    """Put one song into the sorted buffer (chosen, distance, owner) keeping at most one song per
    artist, the first (by distance, then index) `capacity` of them; returns the new fill."""
    capacity = chosen.shape[0]
    if filled == capacity and not _before(d, song, distance[filled - 1], chosen[filled - 1]):
        return filled
    for slot in range(filled):
        if owner[slot] == artist:
            if not _before(d, song, distance[slot], chosen[slot]):
                return filled
            for moved in range(slot, filled - 1):  # drop the artist's farther song
                distance[moved], owner[moved], chosen[moved] = distance[moved + 1], owner[moved + 1], chosen[moved + 1]
            filled -= 1
            break
    slot = filled if filled < capacity else capacity - 1
    while slot > 0 and _before(d, song, distance[slot - 1], chosen[slot - 1]):
        distance[slot], owner[slot], chosen[slot] = distance[slot - 1], owner[slot - 1], chosen[slot - 1]
        slot -= 1
    distance[slot], owner[slot], chosen[slot] = d, artist, song
    return min(filled + 1, capacity)


@njit(cache=True, nogil=True)
def nearest_per_artist(target, affect, artists, candidates, blocked_song, blocked_artist, chosen):
    """Fill chosen (k,) with the candidates nearest to target (2,) in affect (N, 2), at most one per
    artist, skipping blocked songs and artists; nearest first, equal distances by song index.
    Returns how many were found. (Distances are compared squared: same order, no square root.)"""
    capacity = chosen.shape[0]
    distance = np.empty(capacity, np.float64)
    owner = np.empty(capacity, np.int64)
    filled = 0
    for song in candidates:
        if blocked_song[song] or blocked_artist[artists[song]]:
            continue
        dv, da = affect[song, 0] - target[0], affect[song, 1] - target[1]
        filled = _offer(song, dv * dv + da * da, artists[song], chosen, distance, owner, filled)
    return filled


@njit(cache=True, nogil=True)
def nearest_per_artist_sorted(target, affect, artists, by_valence, valence_sorted, blocked_song, blocked_artist,
                              chosen):
    """nearest_per_artist over every song, visiting only those near the target's valence.

    by_valence: (N,) song indices in increasing valence, valence_sorted: (N,) their valences.
    The sweep goes outwards from the target's valence on both sides and stops on a side once
    the valence gap alone exceeds the farthest chosen song's distance: nothing beyond can enter.
    """
    capacity = chosen.shape[0]
    distance = np.empty(capacity, np.float64)
    owner = np.empty(capacity, np.int64)
    filled = 0
    up = np.searchsorted(valence_sorted, target[0])
    down = up - 1
    n = by_valence.shape[0]
    while down >= 0 or up < n:
        gap_down = target[0] - valence_sorted[down] if down >= 0 else np.inf
        gap_up = valence_sorted[up] - target[0] if up < n else np.inf
        if gap_down <= gap_up:
            song, gap = by_valence[down], gap_down
            down -= 1
        else:
            song, gap = by_valence[up], gap_up
            up += 1
        if filled == capacity and gap * gap > distance[filled - 1]:
            break  # every song left is at least this far in valence alone
        if blocked_song[song] or blocked_artist[artists[song]]:
            continue
        da = affect[song, 1] - target[1]
        dv = affect[song, 0] - target[0]
        filled = _offer(song, dv * dv + da * da, artists[song], chosen, distance, owner, filled)
    return filled
