"""Original vs improved mood ranking, side by side, for a few photo-like descriptions.

    .venv/bin/python -m benchmarks.compare_scoring [--write]

With --write, the table replaces the <!-- scoring:start --> … <!-- scoring:end --> section
of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.quality import replace_section
from recommender import Recommender

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTIONS = (
    "a group of friends laughing on a beach at sunset",
    "a dark rainy street at night",
    "an old man sitting alone on a bench",
    "a crowd jumping at a loud rock concert",
    "a couple kissing at a wedding",
    "a cup of coffee next to a book by a window",
)


def table(recommender: Recommender) -> str:
    rows = ["| description | original (mean label cosine) | improved |", "|---|---|---|"]
    for text in DESCRIPTIONS:
        cells = []
        for name in ("original", "improved"):
            moods = recommender.suggest(text, scoring_name=name).moods
            cells.append("<br>".join(f"{' · '.join(m.labels)}" for m in moods))
        rows.append(f"| {text} | {cells[0]} | {cells[1]} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    body = ("## Original vs improved mood ranking\n\n`python -m benchmarks.compare_scoring --write`: the top three "
            "emotion combinations each scoring picks (improved: whole-set fit, no weak member, affect match, "
            "distinct picks).\n\n" + table(Recommender.load()))
    print(body)
    if args.write:
        replace_section(ROOT / "BENCHMARKS.md", "scoring", body)


if __name__ == "__main__":
    main()
