"""How many of the songs a music-savvy person names for a scene our engine names, or ranks high.

Blind judges rate an LLM-based peer's songs 5.0 and ours about 2.4: the peer names the obvious,
well-known song for a scene ("Firework" on the Fourth of July). Blind judging is slow and sparse;
this is the quick, repeatable check between judgings. Label files hold a person's (or the peer's)
eight songs per scene; label songs are matched to the built catalog (case, accents, "feat.",
version notes, a leading "The" ignored), then for the engine's real suggest() answer we report
  - in_catalog: the share of label songs the catalog holds (the most any engine could name);
  - hits: label songs named per scene (and artist_hits: label artists named);
  - a denser figure for the in-catalog label songs: their rank among all songs under the
    engine's own per-song totals for the scene (songscore.song_scores, read as suggest() computes
    them, the best over the answer's moods and slot roles; leads and guards left as they are).

    .venv/bin/python -m benchmarks.peer_recall [--labels FILE ...]

It prints three lines: the dev labels' fit half (even scenes: tune on it), their check half (odd
scenes) and the real peer's songs for judged_45 (held out: report only).

Labels: benchmarks/judging/peer_style_picks/ (helpers picking as the peer would, for our dev scenes:
tune on these) and benchmarks/judging/round4/answers_peer.jsonl (the real peer for judged_45:
held out, report only).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from recommender import songscore
from recommender.songkeys import artist_names, clean_title, folded_words

ROOT = Path(__file__).resolve().parent.parent
DEV_LABELS = sorted((ROOT / "benchmarks/judging/peer_style_picks").glob("*.jsonl"))
PEER_ANSWERS = ROOT / "benchmarks/judging/round4/answers_peer.jsonl"
PEER_SCENES = ROOT / "benchmarks/scenes/judged_45.txt"
_FEAT = re.compile(r"\s+(?:feat\.?|ft\.?|featuring)\s.*$", re.IGNORECASE)


def title_key(title: str) -> str:
    """A title as a listener reads it: no version notes, "feat." credits, case, accents or punctuation."""
    return folded_words(_FEAT.sub("", clean_title(title)))


def artist_keys(artist: str) -> set[str]:
    """Each credited artist without case, accents or a leading "the"."""
    return {re.sub(r"^the ", "", name) for name in artist_names(artist)}


def split_song(song: str) -> tuple[str, str]:
    """"Artist — Title" -> (artist, title)."""
    artist, _, title = song.partition(" — ")
    return artist.strip(), title.strip()


@dataclass
class CatalogKeys:
    """Which catalog rows hold a song and which hold an artist, by the keys above."""

    by_title: dict[str, list[tuple[int, set[str]]]]
    by_artist: dict[str, list[int]]

    @classmethod
    def of(cls, artists, titles) -> CatalogKeys:
        by_title: dict[str, list[tuple[int, set[str]]]] = defaultdict(list)
        by_artist: dict[str, list[int]] = defaultdict(list)
        for row, (artist, title) in enumerate(zip(artists, titles)):
            names = artist_keys(str(artist))
            by_title[title_key(str(title))].append((row, names))
            for name in names:
                by_artist[name].append(row)
        return cls(dict(by_title), dict(by_artist))

    def rows(self, song: str) -> list[int]:
        """Catalog rows of one "Artist — Title" (several spellings of a song may be in it)."""
        artist, title = split_song(song)
        names = artist_keys(artist)
        return [row for row, own in self.by_title.get(title_key(title), ()) if own & names]


def song_key(song: str) -> tuple[frozenset[str], str]:
    artist, title = split_song(song)
    return frozenset(artist_keys(artist)), title_key(title)


def same_song(a: str, b: str) -> bool:
    (artists_a, title_a), (artists_b, title_b) = song_key(a), song_key(b)
    return title_a == title_b and bool(artists_a & artists_b)


@contextlib.contextmanager
def captured_scores():
    """Collect every songscore.song_scores result the engine computes while inside (read, not changed)."""
    found: list[songscore.SongScores] = []
    original = songscore.song_scores

    def recording(*args, **kwargs):
        result = original(*args, **kwargs)
        found.append(result)
        return result

    songscore.song_scores = recording
    try:
        yield found
    finally:
        songscore.song_scores = original


def best_totals(scores: list[songscore.SongScores]) -> np.ndarray:
    """(N,) each song's best total over the answer's moods and slot roles."""
    return np.max([terms.total(*role) for terms in scores for role in songscore.SLOT_ROLES], axis=0)


def read_labels(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def peer_labels() -> list[dict]:
    """The real peer's songs for judged_45 (same order as the scene file, comment lines excluded)."""
    from benchmarks.scenes import read_scenes

    scenes = read_scenes(PEER_SCENES)
    answers = read_labels(PEER_ANSWERS)
    assert len(scenes) == len(answers)
    return [{"scene": scene, "songs": answer["songs"]} for scene, answer in zip(scenes, answers)]


def evaluate(recommender, labels: list[dict], keys: CatalogKeys | None = None, *, ranks: bool = True) -> dict:
    """Hit figures of the engine's suggest() answers against label songs (see the module docstring)."""
    catalog = recommender._index.catalog  # the benchmark reads the loaded catalog
    keys = keys or CatalogKeys.of(catalog.artists, catalog.titles)
    label_songs = in_catalog = hits = artist_hits = 0
    positions: list[float] = []
    for label in labels:
        with captured_scores() as scores:
            answer = recommender.suggest(label["scene"])
        named = [f"{song.artist} — {song.title}" for song in answer.songs]
        named_artists = set().union(*(artist_keys(song.artist) for song in answer.songs)) if named else set()
        totals = best_totals(scores) if ranks and scores else None
        for song in label["songs"]:
            label_songs += 1
            hits += any(same_song(song, mine) for mine in named)
            artist_hits += bool(artist_keys(split_song(song)[0]) & named_artists)
            rows = keys.rows(song)
            if rows:
                in_catalog += 1
                if totals is not None:
                    best = float(totals[rows].max())
                    positions.append(float(np.count_nonzero(totals > best)))
    scenes = max(len(labels), 1)
    found = np.asarray(positions) if positions else np.zeros(1)
    return {"scenes": len(labels), "label_songs": label_songs,
            "in_catalog": round(in_catalog / max(label_songs, 1), 3),
            "hits_per_scene": round(hits / scenes, 3), "hit_share_of_in_catalog": round(hits / max(in_catalog, 1), 3),
            "artist_hits_per_scene": round(artist_hits / scenes, 3),
            "median_rank": float(np.median(found)), "top50": round(float(np.mean(found < 50)), 3),
            "top200": round(float(np.mean(found < 200)), 3),
            "mean_log_rank": round(float(np.mean(np.log10(found + 1))), 3)}


def halves(labels: list[dict], part: str) -> list[dict]:
    """Alternate scenes: "fit" the even ones (tuning), "check" the odd ones, "all" both."""
    if part == "all":
        return labels
    return labels[0 if part == "fit" else 1::2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", type=Path, nargs="*", default=DEV_LABELS)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    from recommender import Recommender

    recommender = Recommender.load(args.data_dir)
    catalog = recommender._index.catalog
    keys = CatalogKeys.of(catalog.artists, catalog.titles)
    dev = [label for path in args.labels for label in read_labels(path)]
    for name, labels in (("dev fit half", halves(dev, "fit")), ("dev check half", halves(dev, "check")),
                         ("judged_45 peer (held out)", peer_labels())):
        print(json.dumps({"labels": name, **evaluate(recommender, labels, keys)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
