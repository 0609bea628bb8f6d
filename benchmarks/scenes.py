"""Answers for a file of Story scenes, one JSON line each, ready for blind judging.

    .venv/bin/python -m benchmarks.scenes SCENES.txt --system improved|original|random [--data-dir data]

Each output line: {"scene": ..., "moods": ["a · b", ...], "songs": ["Artist — Title", ...]}.
`random` draws moods (from the combinations) and songs (from the catalog) with a fixed
seed: the floor a judged system has to clear.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np


from recommender import SONGS, Recommender

SYSTEMS = ("improved", "original", "random")


def read_scenes(path: Path) -> list[str]:
    """Non-empty lines of the scenes file; '#' starts a comment line."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def answers(recommender: Recommender, scenes: list[str], system: str, *, moods: int = 3, songs: int = SONGS,
            seed: int = 11) -> list[dict]:
    """One {"scene", "moods", "songs"} dict per scene for the given system."""
    if system == "random":
        return _random_answers(recommender, scenes, moods, songs, seed)
    suggestions = recommender.suggest_many(scenes, moods=moods, songs=songs, scoring_name=system)
    return [{"scene": scene,
             "moods": [" · ".join(mood.labels) for mood in suggestion.moods],
             "songs": [f"{song.artist} — {song.title}" for song in suggestion.songs]}
            for scene, suggestion in zip(scenes, suggestions)]


def _random_answers(recommender: Recommender, scenes: list[str], moods: int, songs: int, seed: int) -> list[dict]:
    index = recommender._index  # the benchmark reads the loaded index; the engine has no random mode
    generator = np.random.default_rng(seed)
    catalog = index.catalog
    out = []
    for scene in scenes:
        picked_moods = generator.choice(len(index.combination_labels), moods, replace=False)
        picked_songs = generator.choice(len(catalog), songs, replace=False)
        out.append({"scene": scene,
                    "moods": [" · ".join(index.combination_labels[c]) for c in picked_moods],
                    "songs": [f"{catalog.artists[s]} — {catalog.titles[s]}" for s in picked_songs]})
    return out


def variety(answers_: list[dict], catalog_size: int) -> dict:
    """Top-20 songs' share of all song slots, the most frequent song's share of answers, and the
    share of the catalog suggested at least once (as benchmarks/quality.py reports for EmoBank)."""
    from collections import Counter

    counts = Counter(song for answer in answers_ for song in answer["songs"])
    slots = sum(counts.values())
    return {"answers": len(answers_), "top20_slot_share": round(sum(n for _, n in counts.most_common(20)) / slots, 3),
            "top_song_answer_share": round(counts.most_common(1)[0][1] / len(answers_), 3),
            "top_song": counts.most_common(1)[0][0], "catalog_share": round(len(counts) / catalog_size, 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenes", type=Path, help="one scene description per line")
    parser.add_argument("--system", choices=SYSTEMS, default="improved")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--songs", type=int, default=SONGS)
    parser.add_argument("--seed", type=int, default=11, help="for --system random")
    parser.add_argument("--variety", action="store_true", help="also print how often songs repeat (to stderr)")
    args = parser.parse_args()
    recommender = Recommender.load(args.data_dir)
    found = answers(recommender, read_scenes(args.scenes), args.system, songs=args.songs, seed=args.seed)
    for answer in found:
        print(json.dumps(answer, ensure_ascii=False))
    if args.variety:
        print(json.dumps(variety(found, recommender.catalog_size), ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
