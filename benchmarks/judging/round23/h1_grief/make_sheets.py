"""Blind sheets for the grief rule (session 25, helper 1): base (main) against new (branch s25-1) and a random
calibration system, for the changed dev answers and for the own grief scenes (scratch.txt) separately."""

import csv
import json
import random
import subprocess
from pathlib import Path

HERE = Path("/work/r25/h1")
TOOL = "/work/shared/tools/blind_judging.py"
rng = random.Random(2511)
combinations = [c for c in json.load(open("/work/main/data/combinations.json")) if 2 <= len(c) <= 4]
with open("/work/main/data/catalog.csv", newline="") as handle:
    songs = [f"{row['artist']} — {row['title']}" for row in csv.DictReader(handle)]


def shaped(row: dict) -> dict:
    return {"moods": [" · ".join(m["labels"]) for m in row["moods"]],
            "songs": [f"{s['artist']} — {s['title']}" for s in row["songs"][:5]]}


def random_row() -> dict:
    return {"moods": [" · ".join(c) for c in rng.sample(combinations, 3)], "songs": rng.sample(songs, 5)}


def write(rows: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))


def sheet(name: str, base: list[dict], new: list[dict]) -> None:
    folder = HERE / f"parts_{name}"
    folder.mkdir(exist_ok=True)
    (folder / "scenes.txt").write_text("".join(row["text"] + "\n" for row in base))
    write([shaped(row) for row in base], folder / "base.jsonl")
    write([shaped(row) for row in new], folder / "new.jsonl")
    write([random_row() for _ in base], folder / "random.jsonl")
    subprocess.run(["python3", TOOL, "sheet", str(HERE / f"sheet_{name}"), str(folder / "scenes.txt"),
                    f"base={folder / 'base.jsonl'}", f"new={folder / 'new.jsonl'}",
                    f"random={folder / 'random.jsonl'}"], check=True)


def read(path: str) -> list[dict]:
    return [json.loads(line) for line in open(path)]


main_dev, new_dev = read("/work/r25/main_dev.jsonl"), read(HERE / "new_dev.jsonl")
changed = [(old, new) for old, new in zip(main_dev, new_dev) if old != new]
if len(changed) > 40:
    changed = random.Random(2511).sample(changed, 40)
sheet("dev", [old for old, _ in changed], [new for _, new in changed])
sheet("scratch", read(HERE / "base_scratch.jsonl"), read(HERE / "new_scratch.jsonl"))
print(len(changed), "changed dev answers;", len(read(HERE / "base_scratch.jsonl")), "scratch scenes")
