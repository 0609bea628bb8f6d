"""A blind judging sheet for one round: this checkout's answers, the original algorithm's and random picks, beside
answers written elsewhere (a peer's, an earlier engine's), shuffled and unlabelled by ../shared/tools/blind_judging.py.

    .venv/bin/python -m benchmarks.judging_round OUT_DIR SCENES.txt [NAME=ANSWERS.jsonl ...] [--seed N]

Each round until session 27 carried its own copy of this shaping in a make_sheet.py beside its sheet; this is the
one they share. ANSWERS.jsonl: one answer per scene, in order, either as the judges see it ({"moods": ["a · b"],
"songs": ["Artist — Title"]}) or as `python -m recommender suggest --json` prints it (shaped here: its top five
songs). The systems' answer files are kept in OUT_DIR beside the sheet and its key; score the judge's sheet with
`blind_judging.py score OUT_DIR`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from recommender import Recommender

from .scenes import answers, read_scenes

JUDGED_SONGS = 5  # the songs a judge sees per answer, as in every round so far
SHARED_TOOL = Path(__file__).resolve().parents[2] / "shared" / "tools" / "blind_judging.py"


def judged_answer(row: dict) -> dict:
    """An answer as a judge sees it: mood sets joined by ·, songs as "Artist — Title", at most JUDGED_SONGS."""
    moods = [mood if isinstance(mood, str) else " · ".join(mood["labels"]) for mood in row["moods"]]
    songs = [song if isinstance(song, str) else f"{song['artist']} — {song['title']}" for song in row["songs"]]
    return {"moods": moods, "songs": songs[:JUDGED_SONGS]}


def read_answers(path: Path, scenes: list[str]) -> list[dict]:
    """The answers in path, one per scene; a file whose lines name their scene must name these, in this order."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(rows) != len(scenes):
        raise SystemExit(f"{path}: {len(rows)} answers for {len(scenes)} scenes")
    for row, scene in zip(rows, scenes):
        named = row.get("text", row.get("scene"))
        if named is not None and named != scene:
            raise SystemExit(f"{path}: answer for {named!r} where {scene!r} was expected")
    return [judged_answer(row) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("scenes", type=Path, help="one scene per line ('#' lines are comments)")
    parser.add_argument("written", nargs="*", metavar="NAME=ANSWERS.jsonl", help="answers written elsewhere")
    parser.add_argument("--seed", type=int, default=11, help="for the random system")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--tool", type=Path, default=SHARED_TOOL, help="blind_judging.py")
    args = parser.parse_args()
    scenes = read_scenes(args.scenes)
    recommender = Recommender.load(args.data_dir)
    systems = {name: [judged_answer(row) for row in answers(recommender, scenes, system, seed=args.seed)]
               for name, system in (("main", "improved"), ("original", "original"), ("random", "random"))}
    for pair in args.written:
        name, _, path = pair.partition("=")
        systems[name] = read_answers(Path(path), scenes)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    plain_scenes = args.out_dir / "scenes.txt"
    plain_scenes.write_text("".join(scene + "\n" for scene in scenes), encoding="utf-8")
    named_files = []
    for name, rows in systems.items():
        path = args.out_dir / f"answers_{name}.jsonl"
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
        named_files.append(f"{name}={path}")
    subprocess.run([sys.executable, str(args.tool), "sheet", str(args.out_dir), str(plain_scenes), *named_files],
                   check=True)


if __name__ == "__main__":
    main()
