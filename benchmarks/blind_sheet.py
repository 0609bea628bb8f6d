"""A blind judging sheet from several systems' answers to the same scenes (benchmarks/scenes.py output).

    .venv/bin/python benchmarks/blind_sheet.py SHEET.md KEY.json NAME=answers.jsonl NAME=answers.jsonl ...

Per scene, the answers are shuffled (seeded) and labelled A, B, C…; the key saying which system
each letter is goes to KEY.json, for scoring after judging. Judges rate moods and songs 1-5 and
count clearly wrong items per answer.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sheet", type=Path)
    parser.add_argument("key", type=Path)
    parser.add_argument("systems", nargs="+", help="NAME=answers.jsonl")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    answers = {}
    for item in args.systems:
        name, _, path = item.partition("=")
        answers[name] = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line]
    scenes = [answer["scene"] for answer in next(iter(answers.values()))]
    generator = random.Random(args.seed)
    lines = ["# Blind judging sheet", "", "Rate each answer: moods 1-5, songs 1-5, clearly wrong items (count).", ""]
    key = []
    for number, scene in enumerate(scenes):
        names = list(answers)
        generator.shuffle(names)
        key.append({"scene": scene, "letters": dict(zip("ABCDEFGH", names))})
        lines += [f"## {number + 1}. {scene}", ""]
        for letter, name in zip("ABCDEFGH", names):
            answer = answers[name][number]
            lines += [f"**{letter}** moods: {' | '.join(answer['moods'])}", "",
                      *[f"- {song}" for song in answer["songs"]], "",
                      f"{letter}: moods __ /5, songs __ /5, wrong items __", ""]
    args.sheet.write_text("\n".join(lines), encoding="utf-8")
    args.key.write_text(json.dumps(key, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
