"""How well known the songs of the answers are, slot by slot, and how often songs repeat.

    .venv/bin/python -m benchmarks.song_popularity SCENES.txt [SCENES.txt ...] [--data-dir data]

Spotify popularity (0-1) of every song the improved system suggests for the scenes; a song
without one (Deezer's) counts at its artist's best Spotify popularity, or 0 when the artist has
none. Prints each slot's mean and share under KNOWN_FROM, the same over all songs, and how many
distinct songs the answers hold and which come back most.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from benchmarks.scenes import read_scenes
from recommender.engine import Recommender

KNOWN_FROM = 0.45  # under this a judge tends to call a song obscure (round 6: 21 of 45 eighth songs)


def song_popularity(recommender: Recommender) -> dict[str, float]:
    """Each song id's Spotify popularity, its artist's best where it has none (0 without either)."""
    catalog = recommender._index.catalog  # the benchmark reads the loaded index
    popularity = np.asarray(catalog.popularity, np.float64)
    artists = np.asarray(catalog.artist_ids)
    best: dict[int, float] = {}
    for artist, value in zip(artists[~np.isnan(popularity)], popularity[~np.isnan(popularity)]):
        best[int(artist)] = max(best.get(int(artist), 0.0), float(value))
    filled = [float(value) if not np.isnan(value) else best.get(int(artist), 0.0)
              for value, artist in zip(popularity, artists)]
    return dict(zip(map(str, catalog.song_ids), filled))


def report(recommender: Recommender, scenes: list[str], songs: int = 8) -> dict:
    """Per slot over eight songs: an answer's five and the first that "More songs" adds (the figures
    in BENCHMARKS.md were taken at eight)."""
    popularity = song_popularity(recommender)
    slots: list[list[float]] = [[] for _ in range(songs)]
    counts: Counter = Counter()
    for answer in recommender.suggest_many(scenes, songs=songs):
        for slot, song in enumerate(answer.songs):
            slots[slot].append(popularity[song.id])
            counts[f"{song.artist} — {song.title}"] += 1
    every = np.array([value for slot in slots for value in slot])
    return {"slot_mean": [round(float(np.mean(slot)), 2) for slot in slots if slot],
            "slot_obscure": [round(float(np.mean(np.array(slot) < KNOWN_FROM)), 2) for slot in slots if slot],
            "mean": round(float(every.mean()), 3), "obscure": round(float(np.mean(every < KNOWN_FROM)), 3),
            "distinct": len(counts), "songs": int(len(every)), "most": counts.most_common(5)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenes", nargs="+", type=Path)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    scenes = [scene for path in args.scenes for scene in read_scenes(path)]
    result = report(Recommender.load(args.data_dir), scenes)
    print(f"{len(scenes)} scenes, {result['songs']} songs, {result['distinct']} distinct")
    print("slot mean popularity:", " ".join(f"{value:.2f}" for value in result["slot_mean"]))
    print(f"slot share under {KNOWN_FROM}:", " ".join(f"{value:.2f}" for value in result["slot_obscure"]))
    print(f"all: mean {result['mean']:.3f}, under {KNOWN_FROM} {result['obscure']:.1%}")
    print("most frequent:", "; ".join(f"{name} x{count}" for name, count in result["most"]))


if __name__ == "__main__":
    main()
